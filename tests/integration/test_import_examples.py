"""Each example bank under content/examples is imported, validated and published on every
backend, and the database then holds exactly the pack the import wrote."""

from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.content import ChallengeSpec, CoursePack
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


TITLE = ("--title", "Examples")


@pytest.mark.parametrize(("format_", "file"), [(bank[0], bank[1]) for bank in BANKS])
async def test_an_exported_bank_imports_as_the_same_challenges(
    engine: AsyncEngine, uow_factory: UowFactory, tmp_path: Path, format_: str, file: str
) -> None:
    """Import, publish, ``export --format``, import again: the challenges are unchanged.

    A bank without categories (Aiken) is one module named after the course, hence TITLE.

    (``uow_factory`` empties the tables afterwards, as for every test that publishes.)
    """
    first, exported, second = tmp_path / "first", tmp_path / f"again-{file}", tmp_path / "second"
    ok(
        await learnbot(
            engine, "content", "import", format_, str(EXAMPLES / file), "--into", str(first), *TITLE
        )
    )
    ok(await learnbot(engine, "content", "publish", str(first)))

    ok(await learnbot(engine, "content", "export", str(exported), "--format", format_))
    ok(
        await learnbot(
            engine, "content", "import", format_, str(exported), "--into", str(second), *TITLE
        )
    )

    assert challenges(read_pack(second)) == challenges(read_pack(first))


def challenges(pack: CoursePack) -> list[tuple[str, str, ChallengeSpec]]:
    return [
        (module.title, lesson.title, challenge)
        for module in pack.modules
        for lesson in module.lessons
        for challenge in lesson.challenges
    ]
