"""Hostile packs: huge, deep, self-multiplying or crowded files are refused, never run."""

from pathlib import Path

from infrastructure.content.limits import MAX_FILE_BYTES, MAX_FILES, MAX_YAML_DEPTH
from learnbot.content import read_pack
from tests.content.test_validator import INTRO_MD, problems_in
from tests.support.packs import TINY_PACK, edit, write_pack

LAUGHS = "\n".join(
    [
        "    criteria:",
        "      lessons_completed: 1",
        f"      l0: &l0 [{', '.join(['lol'] * 9)}]",
        *(f"      l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 12)),
    ]
)
"""A billion laughs in an achievement's criteria, which the loader turns into JSON: 9**12
strings if the aliases were expanded, a dozen lines of text."""
BOMB = edit("course.yaml", "    criteria: {lessons_completed: 1}", LAUGHS)
DEEP = "[" * (MAX_YAML_DEPTH * 50) + "]" * (MAX_YAML_DEPTH * 50)


def first_problem(tmp_path: Path, files: dict[str, str | None]) -> str:
    problems = problems_in(write_pack(tmp_path, files))
    assert len(problems) == 1, problems
    return str(problems[0])


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    problem = first_problem(tmp_path, BOMB)

    assert problem == "course.yaml:11: (yaml): anchors and aliases (& and *) are not allowed"


def test_yaml_nested_deeper_than_the_limit_is_refused(tmp_path: Path) -> None:
    files = edit("01-basics/module.yaml", "order: 1", f"order: 1\ndescription: {DEEP}")

    problem = first_problem(tmp_path, files)

    assert problem == (
        f"01-basics/module.yaml:5: (yaml): nested deeper than {MAX_YAML_DEPTH} levels"
    )


def test_front_matter_is_held_to_the_same_rules(tmp_path: Path) -> None:
    files = edit(INTRO_MD, "title: Intro", "title: &t Intro\nalias: *t")

    assert first_problem(tmp_path, files).startswith(f"{INTRO_MD}:3: (yaml): anchors")


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    huge = TINY_PACK[INTRO_MD] + "word " * (MAX_FILE_BYTES // 5)

    problem = first_problem(tmp_path, {INTRO_MD: huge})

    assert problem.startswith(f"{INTRO_MD}: (file): the file is ")
    assert problem.endswith(f"bytes, more than the {MAX_FILE_BYTES} allowed")


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    write_pack(tmp_path)
    (tmp_path / "course.yaml").write_bytes(b"title: \xff\xfe\n")

    problems = problems_in(tmp_path)

    assert [str(p) for p in problems] == [
        "course.yaml: (file): the file is not UTF-8 text (byte 7)"
    ]


def test_a_pack_with_too_many_files_is_refused_before_any_is_read(tmp_path: Path) -> None:
    clutter = write_pack(tmp_path) / "01-basics"
    for n in range(MAX_FILES - len(TINY_PACK)):
        (clutter / f"{n}.txt").write_text("x")
    history = tmp_path / ".git"
    history.mkdir()
    for n in range(10):
        (history / f"{n}").write_text("not part of the pack")
    assert read_pack(tmp_path).title == "Tiny course", "a pack at the limit loads"

    (clutter / "one-more.txt").write_text("x")

    assert [str(p) for p in problems_in(tmp_path)] == [
        f".: (pack): the pack has more than {MAX_FILES} files"
    ]
