"""Each example bank under content/examples is imported, validated and published on every
backend, and the database then holds exactly the pack the import wrote."""

from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from learnbot.content import read_pack
from tests.integration.conftest import UowFactory
from tests.support.cli import learnbot, ok

EXAMPLES = Path(__file__).resolve().parents[2] / "content" / "examples"
BANKS = [
    ("gift", "python-quiz.gift", "Imported 6 questions", "skipped 2 (1 matching, 1 numerical)"),
    ("moodle-xml", "networks.xml", "Imported 5 questions", "skipped 1 (1 essay)"),
    ("aiken", "solar-system.aiken.txt", "Imported 3 questions (3 aiken)", "skipped 0"),
    ("csv", "git-basics.csv", "Imported 5 questions", "skipped 0"),
]


@pytest.mark.parametrize(("format_", "file", "imported", "skipped"), BANKS)
async def test_an_example_bank_imports_validates_and_publishes(
    engine: AsyncEngine,
    uow_factory: UowFactory,
    tmp_path: Path,
    format_: str,
    file: str,
    imported: str,
    skipped: str,
) -> None:
    pack = str(tmp_path / "pack")

    summary = ok(
        await learnbot(engine, "content", "import", format_, str(EXAMPLES / file), "--into", pack)
    )
    ok(await learnbot(engine, "content", "validate", pack))
    ok(await learnbot(engine, "content", "publish", pack))
    again = ok(await learnbot(engine, "content", "publish", pack, "--dry-run"))

    assert imported in summary
    assert skipped in summary
    assert "Nothing to change" in again
    async with uow_factory() as uow:
        published = await uow.content.current()
    assert published.modules == read_pack(Path(pack)).modules
