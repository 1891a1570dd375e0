"""Aiken as Moodle documents it (docs.moodle.org/en/Aiken_format)."""

from domain.enums import ChallengeKind
from infrastructure.importers.aiken import parse_aiken

DOCUMENTED = """What is the correct answer to this question?
A. Is it this one?
B. Maybe this answer?
C. Possibly this one?
D. Must be this one!
ANSWER: D

Which LMS has the most quiz import formats?
A) Moodle
B) ATutor
C) Claroline
D) Blackboard
E) WebCT
F) Ilias
ANSWER: A
"""


def test_the_documented_example() -> None:
    bank = parse_aiken(DOCUMENTED)

    first, second = bank.questions
    assert first.kind is ChallengeKind.SINGLE_CHOICE
    assert first.options[3] == "Must be this one!"
    assert (first.answers, second.answers) == ((3,), (0,))
    assert (first.line, second.line) == (1, 8)
    assert not bank.notes


def test_a_broken_question_is_skipped_and_the_next_imports() -> None:
    bank = parse_aiken(
        "A question\nthat goes on\nA. yes\nB. no\nANSWER: A\n\n"
        "Unknown answer?\nA. x\nB. y\nANSWER: C\n\n"
        "No answer line?\nA. x\nB. y\n\n"
        "Fine?\nA. yes\nB. no\nANSWER: B\n"
    )

    assert [question.prompt for question in bank.questions] == ["Fine?"]
    assert [(note.line, note.message) for note in bank.notes] == [
        (1, "line 2 is neither an option nor 'ANSWER:'"),
        (7, "the answer C is not one of the options"),
        (12, "the question ends without an 'ANSWER:' line"),
    ]


def test_a_question_without_answer_at_the_end_is_reported() -> None:
    bank = parse_aiken("Last one?\nA. x\nB. y\n")

    assert [(note.line, note.skipped) for note in bank.notes] == [(1, True)]
