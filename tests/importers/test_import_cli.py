"""``learnbot content import`` as an author runs it: no database is involved."""

from pathlib import Path

from click.testing import Result
from typer.testing import CliRunner

from infrastructure.content.limits import MAX_FILE_BYTES
from learnbot.cli import app

RUNNER = CliRunner()
BANK = "Capital of France?{=Paris ~Rome}\n\nBorn when?{#1822}\n"


def learnbot(*args: str) -> Result:
    return RUNNER.invoke(app, list(args), env={"COLUMNS": "200"})


def gift(tmp_path: Path, text: str = BANK) -> Path:
    path = tmp_path / "capitals.gift"
    path.write_text(text, encoding="utf-8")
    return path


def test_import_writes_a_pack_that_validates_and_reports_each_skip(tmp_path: Path) -> None:
    result = learnbot("content", "import", "gift", str(gift(tmp_path)), "--into", f"{tmp_path}/p")

    assert result.exit_code == 0, result.output
    assert "capitals.gift:3: numerical: numeric answers and ranges have no challenge kind " in (
        result.output
    )
    assert "Imported 1 question (1 multichoice); skipped 1 (1 numerical)." in result.output
    validated = learnbot("content", "validate", str(tmp_path / "p"))
    assert "OK: 1 module, 1 lesson, 1 challenge" in validated.output
    assert "title: Capitals" in (tmp_path / "p" / "course.yaml").read_text()


def test_strict_writes_the_pack_and_fails(tmp_path: Path) -> None:
    result = learnbot(
        "content", "import", "gift", str(gift(tmp_path)), "--into", f"{tmp_path}/p", "--strict"
    )

    assert result.exit_code == 1
    assert (tmp_path / "p" / "course.yaml").is_file()


def test_strict_passes_when_every_question_is_kept_whole(tmp_path: Path) -> None:
    bank = gift(tmp_path, "Capital of France?{=Paris ~Rome}\n")

    result = learnbot("content", "import", "gift", str(bank), "--into", f"{tmp_path}/p", "--strict")

    assert result.exit_code == 0, result.output


def test_a_folder_that_is_not_empty_is_refused_without_force(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "notes.txt").write_text("mine")

    refused = learnbot("content", "import", "gift", str(gift(tmp_path)), "--into", f"{tmp_path}/p")
    forced = learnbot(
        "content", "import", "gift", str(gift(tmp_path)), "--into", f"{tmp_path}/p", "--force"
    )

    assert refused.exit_code == forced.exit_code == 1
    assert "is not empty" in refused.output
    assert "holds no course.yaml" in forced.output
    assert (tmp_path / "p" / "notes.txt").read_text() == "mine"


def test_force_replaces_a_pack(tmp_path: Path) -> None:
    into = f"{tmp_path}/p"
    learnbot("content", "import", "gift", str(gift(tmp_path)), "--into", into, "--title", "Old")

    result = learnbot("content", "import", "gift", str(gift(tmp_path)), "--into", into, "--force")

    assert result.exit_code == 0, result.output
    assert "title: Capitals" in (tmp_path / "p" / "course.yaml").read_text()


def test_a_bank_without_any_usable_question_writes_nothing(tmp_path: Path) -> None:
    bank = gift(tmp_path, "Born when?{#1822}\n")

    result = learnbot("content", "import", "gift", str(bank), "--into", f"{tmp_path}/p")

    assert result.exit_code == 1
    assert "no question could be imported; nothing was written." in result.output
    assert not (tmp_path / "p").exists()


def test_a_file_over_the_pack_limit_is_refused(tmp_path: Path) -> None:
    bank = gift(tmp_path, "x" * (MAX_FILE_BYTES + 1))

    result = learnbot("content", "import", "gift", str(bank), "--into", f"{tmp_path}/p")

    assert result.exit_code == 1
    assert f"more than the {MAX_FILE_BYTES} allowed" in result.output


def test_an_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = learnbot("content", "import", "qti", str(gift(tmp_path)), "--into", f"{tmp_path}/p")

    assert result.exit_code == 2
