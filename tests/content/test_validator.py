"""The validator: one broken pack per class of mistake, each named by file, line and field."""

from pathlib import Path

import pytest

from domain.enums import ChallengeKind
from infrastructure.content import InvalidPack, Problem
from learnbot.content import read_pack
from tests.support.packs import INTRO, edit, write_pack

INTRO_MD = "01-basics/01-intro.md"
LONG_PARAGRAPH = "word " * 1000
DESCRIPTION = "description: Two modules, three lessons."
TWENTY_ONE = ", ".join(f"tier{n}" for n in range(21))

BROKEN = [
    (
        "broken YAML",
        edit("course.yaml", "title: Tiny course", "title: [Tiny"),
        "course.yaml",
        "(yaml)",
        2,
    ),
    ("broken front matter", edit(INTRO_MD, "title: Intro", "title: : :"), INTRO_MD, "(yaml)", 3),
    ("no front matter", {INTRO_MD: INTRO.removeprefix("---\n")}, INTRO_MD, "(front matter)", 1),
    (
        "unknown key",
        edit("01-basics/module.yaml", "order: 1", "order: 1\ncolour: red"),
        "01-basics/module.yaml",
        "colour",
        5,
    ),
    ("missing key", edit(INTRO_MD, "title: Intro\n", ""), INTRO_MD, "title", 2),
    (
        "wrong type",
        edit("01-basics/module.yaml", "order: 1", "order: first"),
        "01-basics/module.yaml",
        "order",
        4,
    ),
    ("bad slug", edit(INTRO_MD, "slug: intro", "slug: Intro Lesson"), INTRO_MD, "slug", 2),
    (
        "unknown kind",
        edit(INTRO_MD, "kind: text", "kind: essay"),
        INTRO_MD,
        "challenges[2].kind",
        19,
    ),
    (
        "duplicate module slug",
        {"03-again/module.yaml": "slug: basics\ntitle: Again\n"},
        "03-again/module.yaml",
        "slug",
        1,
    ),
    (
        "duplicate lesson slug",
        edit("01-basics/02-more.md", "slug: more", "slug: intro"),
        "01-basics/02-more.md",
        "slug",
        2,
    ),
    (
        "duplicate lesson order",
        edit("01-basics/02-more.md", "order: 2", "order: 1"),
        "01-basics/02-more.md",
        "order",
        4,
    ),
    (
        "duplicate challenge slug",
        edit(INTRO_MD, "slug: many", "slug: pick"),
        INTRO_MD,
        "challenges[1].slug",
        13,
    ),
    (
        "two correct single choice",
        edit(INTRO_MD, "answer: b", "answers: [a, b]"),
        INTRO_MD,
        "challenges[0].answers",
        11,
    ),
    (
        "answer not an option",
        edit(INTRO_MD, "answer: b", "answer: z"),
        INTRO_MD,
        "challenges[0].answer",
        11,
    ),
    (
        "answer and answers",
        edit(INTRO_MD, "answer: b", "answer: b\n    answers: [b]"),
        INTRO_MD,
        "challenges[0].answers",
        12,
    ),
    (
        "no correct option",
        edit(INTRO_MD, "answers: [a, c]", "answers: []"),
        INTRO_MD,
        "challenges[1].answers",
        17,
    ),
    (
        "one option only",
        edit(INTRO_MD, "options: [a, b, c]\n    answer: b", "options: [b]\n    answer: b"),
        INTRO_MD,
        "challenges[0].options",
        10,
    ),
    (
        "text with options",
        edit(INTRO_MD, "prompt: Type print", "prompt: Type print\n    options: [x, y]"),
        INTRO_MD,
        "challenges[2].options",
        21,
    ),
    (
        "text without answers",
        edit("01-basics/02-more.challenges.yaml", "answer: 42", "points: 3"),
        "01-basics/02-more.challenges.yaml",
        "challenges[0].answer",
        2,
    ),
    (
        "challenges in both places",
        edit("01-basics/02-more.md", "order: 2", "order: 2\nchallenges: []"),
        "01-basics/02-more.md",
        "challenges",
        5,
    ),
    (
        "unknown module in criterion",
        edit("course.yaml", "{module: basics}", "{module: basix}"),
        "course.yaml",
        "achievements[1].criteria",
        14,
    ),
    (
        "unknown criterion",
        edit("course.yaml", "{lessons_completed: 1}", "{lessons_read: 1}"),
        "course.yaml",
        "achievements[0].criteria",
        9,
    ),
    (
        "criterion of another type",
        edit("course.yaml", "type: LESSON_COMPLETED", "type: STREAK"),
        "course.yaml",
        "achievements[0].type",
        5,
    ),
    (
        "duplicate achievement",
        edit("course.yaml", "slug: basics-done", "slug: first"),
        "course.yaml",
        "achievements[1].slug",
        10,
    ),
    (
        "empty lesson",
        edit("01-basics/02-more.md", "Some more text.", ""),
        "01-basics/02-more.md",
        "body",
        6,
    ),
    (
        "too long for Telegram",
        edit("02-advanced/01-deeper.md", "Deeper text.", LONG_PARAGRAPH),
        "02-advanced/01-deeper.md",
        "body",
        5,
    ),
    (
        "module without module.yaml",
        {"02-advanced/module.yaml": None},
        "02-advanced/module.yaml",
        "(file)",
        None,
    ),
    (
        "blank league tier name",
        edit("course.yaml", DESCRIPTION, DESCRIPTION + "\nleague_tiers: [Pebble, '  ', Rock]"),
        "course.yaml",
        "league_tiers[1]",
        3,
    ),
    (
        "league tier name too long",
        edit("course.yaml", DESCRIPTION, DESCRIPTION + f"\nleague_tiers: [{'x' * 51}]"),
        "course.yaml",
        "league_tiers[0]",
        3,
    ),
    (
        "duplicate league tier name",
        edit("course.yaml", DESCRIPTION, DESCRIPTION + "\nleague_tiers:\n  - Rock\n  - rock"),
        "course.yaml",
        "league_tiers[1]",
        5,
    ),
    (
        "too many league tiers",
        edit("course.yaml", DESCRIPTION, DESCRIPTION + f"\nleague_tiers: [{TWENTY_ONE}]"),
        "course.yaml",
        "league_tiers",
        3,
    ),
    ("no course.yaml", {"course.yaml": None}, "course.yaml", "(file)", None),
]


@pytest.mark.parametrize(
    ("files", "file", "field", "line"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_each_mistake_is_reported_with_file_line_and_field(
    tmp_path: Path, files: dict[str, str | None], file: str, field: str, line: int | None
) -> None:
    problems = problems_in(write_pack(tmp_path, files))

    assert [(p.file, p.field) for p in problems] == [(file, field)], problems
    assert problems[0].line == line
    assert str(problems[0]).startswith(f"{file}:{line}: {field}: " if line else f"{file}: ")


def test_every_problem_of_a_pack_is_reported_at_once(tmp_path: Path) -> None:
    files = edit(INTRO_MD, "answer: b", "answer: z") | edit("course.yaml", "basics}", "nope}")

    problems = problems_in(write_pack(tmp_path, files))

    assert {(p.file, p.field) for p in problems} == {
        (INTRO_MD, "challenges[0].answer"),
        ("course.yaml", "achievements[1].criteria"),
    }
    assert "'z' is not among the options" in str(problems[0])


ONE_FILE = [
    (
        "negative points hide no wrong answer",
        edit(INTRO_MD, "answer: b", "answer: z\n    points: -5"),
        {"challenges[0].answer", "challenges[0].points"},
    ),
    (
        "an unknown key hides no wrong answer",
        edit(INTRO_MD, "answer: b", "answer: z\n    hint: think"),
        {"challenges[0].answer", "challenges[0].hint"},
    ),
    (
        "repeated options hide no wrong answer",
        edit(INTRO_MD, "options: [a, b, c]\n    answer: b", "options: [a, a]\n    answer: z"),
        {"challenges[0].options", "challenges[0].answer"},
    ),
    (
        "a broken lesson title hides no wrong answer",
        edit(INTRO_MD, "title: Intro", "title: ''", "answers: [a, c]", "answers: [d]"),
        {"title", "challenges[1].answers"},
    ),
    (
        "a text challenge with options and no answer",
        edit(INTRO_MD, 'answers: [print, "print()"]', "options: [x, y]"),
        {"challenges[2].options", "challenges[2].answer"},
    ),
]


@pytest.mark.parametrize(
    ("files", "fields"), [case[1:] for case in ONE_FILE], ids=[case[0] for case in ONE_FILE]
)
def test_every_problem_of_a_lesson_is_reported_in_one_pass(
    tmp_path: Path, files: dict[str, str | None], fields: set[str]
) -> None:
    problems = problems_in(write_pack(tmp_path, files))

    assert {(p.file, p.field) for p in problems} == {(INTRO_MD, field) for field in fields}


def test_every_problem_of_the_course_file_is_reported_in_one_pass(tmp_path: Path) -> None:
    files = edit(
        "course.yaml",
        *("title: Tiny course", "title: ''"),
        *("points: 5", "points: -1\n    colour: red"),
        *("type: MODULE_COMPLETED", "type: STREAK"),
        *("{module: basics}", "{module: basix}"),
    )

    problems = problems_in(write_pack(tmp_path, files))

    assert {p.field for p in problems} == {
        "title",
        "achievements[0].points",
        "achievements[0].colour",
        "achievements[1].type",
        "achievements[1].criteria",
    }


def test_a_valid_pack_becomes_the_domain_pack(tmp_path: Path) -> None:
    pack = read_pack(write_pack(tmp_path))

    basics, advanced = pack.modules
    intro, more = basics.lessons
    pick, many, typed = intro.challenges
    assert (pack.title, basics.slug, basics.order, advanced.order) == (
        "Tiny course",
        "basics",
        1,
        2,
    )
    assert (intro.order, intro.estimated_duration, intro.content) == (
        1,
        3,
        "# Intro\n\nHello **world**.",
    )
    assert (pick.kind, pick.answers, many.answers) == (ChallengeKind.SINGLE_CHOICE, (1,), (0, 2))
    assert (typed.answers, typed.points, pick.points) == (("print", "print()"), 5, 10)
    assert more.challenges[0].answers == ("42",)
    assert advanced.lessons[0].order == 1
    assert pack.achievement("basics-done").criteria == '{"module": "basics"}'  # type: ignore[union-attr]


def problems_in(root: Path) -> list[Problem]:
    with pytest.raises(InvalidPack) as refused:
        read_pack(root)
    return refused.value.problems


def test_a_pack_may_name_the_league_tiers_bottom_first(tmp_path: Path) -> None:
    named = edit("course.yaml", DESCRIPTION, DESCRIPTION + "\nleague_tiers: [Pebble, ' Rock ']")

    assert read_pack(write_pack(tmp_path, named)).league_tiers == ("Pebble", "Rock")
