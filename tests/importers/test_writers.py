"""Packs written as banks read back the same, except what each writer says it changed."""

from dataclasses import replace
from pathlib import Path

import pytest

from domain.content import ChallengeSpec, CoursePack, LessonSpec, ModuleSpec
from domain.enums import ChallengeForm, ChallengeKind
from infrastructure.importers.format_names import BankFormat
from infrastructure.importers.formats import PARSERS, WRITERS
from infrastructure.importers.pack import bank_to_pack
from learnbot.content import read_pack

EXAMPLE = Path(__file__).resolve().parents[2] / "content" / "python-basics"
HOSTILE = ChallengeSpec(
    slug="hostile",
    kind=ChallengeKind.MULTIPLE_CHOICE,
    prompt="Which of ~ = # { } : \\ and | are special?\nSay `a -> b`.",
    options=("~ and =", "{ and }", "a|b", "\\n"),
    answers=(0, 1),
    explanation="GIFT escapes ~=#{}:\\ with a backslash.",
)


def flat(pack: CoursePack) -> list[ChallengeSpec]:
    return [c for module in pack.modules for lesson in module.lessons for c in lesson.challenges]


def round_trip(format_: BankFormat, pack: CoursePack) -> tuple[CoursePack, list[str]]:
    written = WRITERS[format_](pack)
    bank = PARSERS[format_](written.text)
    assert not bank.skipped, [note.describe("bank") for note in bank.skipped]
    return bank_to_pack(bank, pack.title, "bank"), written.notes


def one_lesson(*challenges: ChallengeSpec) -> CoursePack:
    lesson = LessonSpec("questions", "Questions", "Text.", 1, challenges=challenges)
    return CoursePack(
        "Course", modules=(ModuleSpec("course", "Course", None, 1, lessons=(lesson,)),)
    )


@pytest.mark.parametrize("format_", [BankFormat.GIFT, BankFormat.MOODLE_XML, BankFormat.CSV])
def test_every_challenge_comes_back_but_those_a_note_names(format_: BankFormat) -> None:
    pack = read_pack(EXAMPLE)

    again, notes = round_trip(format_, pack)

    changed = [o.slug for o, n in zip(flat(pack), flat(again), strict=True) if o != n]
    assert changed == ["comments"]
    assert notes == [
        "getting-started/hello-print/comments: '    # indented note' loses its outer spaces"
    ]


@pytest.mark.parametrize("format_", [BankFormat.GIFT, BankFormat.MOODLE_XML, BankFormat.CSV])
def test_modules_and_lessons_come_back_by_title(format_: BankFormat) -> None:
    pack = read_pack(EXAMPLE)

    again, _ = round_trip(format_, pack)

    titles = [(m.title, [lesson.title for lesson in m.lessons]) for m in pack.modules]
    assert [(m.title, [lesson.title for lesson in m.lessons]) for m in again.modules] == titles


@pytest.mark.parametrize("format_", [BankFormat.GIFT, BankFormat.MOODLE_XML, BankFormat.CSV])
def test_special_characters_survive(format_: BankFormat) -> None:
    again, _ = round_trip(format_, one_lesson(HOSTILE))

    assert flat(again) == [HOSTILE]


def test_aiken_keeps_one_line_single_choices_and_names_the_rest() -> None:
    """Aiken has no titles or feedback: the question, its options and answer come back."""
    pack = read_pack(EXAMPLE)

    again, notes = round_trip(BankFormat.AIKEN, pack)

    kept = [
        (c.prompt, c.options, c.answers)
        for c in flat(pack)
        if c.kind is ChallengeKind.SINGLE_CHOICE and "\n" not in c.prompt
    ]
    assert [(c.prompt, c.options, c.answers) for c in flat(again)] == kept
    assert len(notes) == len(flat(pack)) - len(kept)
    assert all(note.endswith("; left out") for note in notes)


def test_points_that_a_moodle_bank_cannot_carry_are_named() -> None:
    pack = one_lesson(ChallengeSpec("p", ChallengeKind.TEXT, "Say hi.", answers=("hi",), points=5))

    notes = WRITERS[BankFormat.GIFT](pack).notes

    assert notes == ["course/questions/p: points 5 become 10 on import"]


@pytest.mark.parametrize("format_", [BankFormat.GIFT, BankFormat.MOODLE_XML, BankFormat.CSV])
def test_a_quiz_poll_comes_back_as_buttons_and_the_note_says_so(format_: BankFormat) -> None:
    poll = ChallengeSpec(
        "poll", ChallengeKind.SINGLE_CHOICE, "2 + 2?", ("3", "4"), (1,), form=ChallengeForm.POLL
    )

    again, notes = round_trip(format_, one_lesson(poll))

    assert flat(again) == [replace(poll, form=ChallengeForm.BUTTONS)]
    assert notes == ["course/questions/poll: a quiz poll becomes buttons on import"]
