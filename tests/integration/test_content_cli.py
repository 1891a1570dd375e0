"""``learnbot content …`` and ``learnbot db upgrade --seed`` as an author runs them."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from tests.support.databases import BACKENDS, ScratchDatabases
from tests.support.packs import edit, write_pack

LEARNBOT = str(Path(sys.executable).parent / "learnbot")


@pytest.fixture(params=BACKENDS)
async def database(request: pytest.FixtureRequest, scratch_databases: ScratchDatabases) -> URL:
    return await scratch_databases.create(request.param)


def learnbot(url: URL | None, *arguments: str, status: int = 0) -> str:
    env = os.environ | {"COLUMNS": "200"}
    if url is not None:
        env["DATABASE_URL"] = url.render_as_string(hide_password=False)
    result = subprocess.run(
        [LEARNBOT, *arguments], env=env, capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == status, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_validate_lists_every_problem_and_fails(tmp_path: Path) -> None:
    files = edit("01-basics/01-intro.md", "answer: b", "answer: z")
    files |= edit("course.yaml", "{module: basics}", "{module: basix}")

    output = learnbot(None, "content", "validate", str(write_pack(tmp_path, files)), status=1)

    assert "01-basics/01-intro.md:11: challenges[0].answer: 'z' is not among the options" in output
    assert "course.yaml:14: achievements[1].criteria: no module has the slug 'basix'" in output
    assert "2 problems in" in output


def test_validate_does_not_wrap_problems_when_piped(tmp_path: Path) -> None:
    """CI logs and pipes are not terminals: one problem stays one line, however long."""
    long_slug = "a-module-whose-folder-and-slug-are-long-enough-to-pass-eighty-columns"
    folder = write_pack(tmp_path, edit("01-basics/01-intro.md", "answer: b", "answer: z"))
    (folder / "01-basics").rename(folder / long_slug)
    environment = {name: value for name, value in os.environ.items() if name != "COLUMNS"}

    result = subprocess.run(
        [LEARNBOT, "content", "validate", str(folder)],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )

    line = f"{long_slug}/01-intro.md:11: challenges[0].answer: 'z' is not among the options"
    assert line in result.stdout.splitlines(), result.stdout


def test_validate_accepts_the_example_course() -> None:
    root = Path(__file__).resolve().parents[2] / "content" / "python-basics"

    assert "OK: 4 modules, 11 lessons, 33 challenges, 9 achievements." in learnbot(
        None, "content", "validate", str(root)
    )


def test_seed_publish_and_export_round_trip(database: URL, tmp_path: Path) -> None:
    pack = str(write_pack(tmp_path / "pack"))

    broken = write_pack(tmp_path / "broken", edit("01-basics/module.yaml", "Basics", "[Basics"))

    seeded = learnbot(database, "db", "upgrade", "--seed", pack)
    refused = learnbot(database, "content", "publish", str(broken), status=1)
    again = learnbot(database, "content", "publish", pack, "--dry-run")
    learnbot(database, "content", "export", str(tmp_path / "out"), "--title", "Tiny course")
    exported = learnbot(database, "content", "publish", str(tmp_path / "out"))

    assert "added lesson basics/intro" in seeded
    assert "7 added, 0 changed, 0 unpublished." in seeded
    assert "01-basics/module.yaml:3: (yaml): broken YAML: " in refused
    assert "(a flow sequence that starts on line 2)" in refused
    assert "Nothing to change" in again
    assert "Dry run" in again
    assert "Nothing to change" in exported
