"""Level names and streak freeze rules in course.yaml: read into the pack, written back by
export, and every bad value named by file, line and field."""

from pathlib import Path

import pytest

from domain.content import CourseSettings
from infrastructure.content import InvalidPack, Problem
from infrastructure.content.export import export_pack
from learnbot.content import read_pack
from tests.support.packs import COURSE, write_pack

SETTINGS = """\
level_names:
  1: Newcomer
  3: Explorer
streak_freeze:
  every: 5
  max: 3
  achievements: [basics-done]
"""


def course(extra: str) -> dict[str, str | None]:
    return {"course.yaml": COURSE + extra}


def problems_in(root: Path) -> list[Problem]:
    with pytest.raises(InvalidPack) as refused:
        read_pack(root)
    return list(refused.value.problems)


def test_level_names_and_freeze_rules_are_read_and_exported_back(tmp_path: Path) -> None:
    pack = read_pack(write_pack(tmp_path / "pack", course(SETTINGS)))
    export_pack(pack, tmp_path / "exported")

    assert pack.settings == CourseSettings(
        ((1, "Newcomer"), (3, "Explorer")), 5, 3, ("basics-done",)
    )
    assert read_pack(tmp_path / "exported").settings == pack.settings
    assert read_pack(write_pack(tmp_path / "plain")).settings == CourseSettings()


def test_a_rule_left_out_keeps_the_operators_setting(tmp_path: Path) -> None:
    pack = read_pack(write_pack(tmp_path, course("streak_freeze:\n  max: 0\n")))

    assert pack.settings == CourseSettings((), None, 0)


@pytest.mark.parametrize(
    ("extra", "field", "line"),
    [
        ("level_names:\n  1: One\n  2: ''\n", "level_names[2]", 17),
        ("level_names:\n  2: " + "x" * 41 + "\n", "level_names[2]", 16),
        ("level_names:\n  0: Nobody\n", "level_names[0].[key]", 16),
        ("level_names:\n  two: Apprentice\n", "level_names.two.[key]", 16),
        ("level_names: [Newcomer, Explorer]\n", "level_names", 15),
        ("streak_freeze:\n  every: 7\n  max: 11\n", "streak_freeze.max", 17),
        ("streak_freeze:\n  every: -1\n", "streak_freeze.every", 16),
        ("streak_freeze:\n  cap: 2\n", "streak_freeze.cap", 16),
        ("streak_freeze: 2\n", "streak_freeze", 15),
        ("streak_freeze:\n  achievements: [first, nope]\n", "streak_freeze.achievements[1]", 16),
        ("streak_freeze:\n  achievements: [Not A Slug]\n", "streak_freeze.achievements[0]", 16),
    ],
    ids=[
        "empty-name",
        "long-name",
        "level-zero",
        "level-not-a-number",
        "names-as-a-list",
        "too-many-freezes",
        "negative-days",
        "unknown-rule",
        "rules-not-a-mapping",
        "reward-not-an-achievement",
        "reward-not-a-slug",
    ],
)
def test_bad_values_are_reported_with_file_line_and_field(
    tmp_path: Path, extra: str, field: str, line: int
) -> None:
    problems = problems_in(write_pack(tmp_path, course(extra)))

    assert [(p.file, p.field, p.line) for p in problems] == [("course.yaml", field, line)]
