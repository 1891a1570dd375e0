"""Turning a Moodle question's answers into a challenge, for GIFT and Moodle XML alike.

Both formats weigh each answer with a percentage of the mark; the pack knows only right
and wrong, so whatever the weights meant beyond that is noted at the question's line.
"""

from dataclasses import dataclass

from domain.enums import ChallengeKind
from infrastructure.importers.questions import Bank, Question


@dataclass(frozen=True, slots=True)
class Stem:
    """What a question says besides its answers."""

    line: int
    category: tuple[str, ...]
    title: str | None
    prompt: str


@dataclass(frozen=True, slots=True)
class Item:
    correct_marker: bool
    weight: float | None
    text: str
    feedback: str | None

    @property
    def credit(self) -> float:
        """The percentage this answer earns: a correct mark is 100, others 0 unless weighted."""
        if self.weight is not None:
            return self.weight
        return 100.0 if self.correct_marker else 0.0


def true_false(bank: Bank, stem: Stem, true: bool, explanation: str | None) -> None:
    options = ("True", "False")
    answer = (0 if true else 1,)
    add(bank, stem, "truefalse", ChallengeKind.SINGLE_CHOICE, options, answer, explanation)


def short_answer(bank: Bank, stem: Stem, items: list[Item], general: str | None) -> None:
    accepted = [item for item in items if item.credit >= 100]
    for item in items:
        if item.credit < 100:
            bank.note(
                stem.line, "shortanswer", f"{item.text!r} earned {item.credit:g}%: not accepted"
            )
    if any("*" in item.text for item in accepted):
        bank.note(stem.line, "shortanswer", "'*' is a wildcard in Moodle; here it must be typed")
    if not accepted:
        bank.skip(stem.line, "shortanswer", "no answer earns full marks")
        return
    if not all(item.text for item in accepted):
        bank.note(stem.line, "shortanswer", "an empty answer is left out: nobody can type one")
        accepted = [item for item in accepted if item.text]
    if not accepted:
        bank.skip(stem.line, "shortanswer", "every answer that earns full marks is empty")
        return
    texts = tuple(dict.fromkeys(item.text for item in accepted))
    add(bank, stem, "shortanswer", ChallengeKind.TEXT, (), texts, _explain(general, accepted))


def multiple_choice(bank: Bank, stem: Stem, items: list[Item], general: str | None) -> None:
    """One ``=`` among ``~``: a wrong answer weighted for partial credit stays wrong."""
    correct = [index for index, item in enumerate(items) if item.credit >= 100]
    for item in items:
        if 0 < item.credit < 100:
            bank.note(
                stem.line,
                "multichoice",
                f"partial credit {item.credit:g}% for {item.text!r} is dropped: it counts as wrong",
            )
    if len(correct) != 1:
        bank.skip(
            stem.line,
            "multichoice",
            f"{len(correct)} answers are fully correct; a single choice needs one",
        )
        return
    _note_lost_feedback(bank, stem, "multichoice", items, general)
    options = tuple(item.text for item in items)
    explanation = _explain(general, [items[correct[0]]])
    add(
        bank, stem, "multichoice", ChallengeKind.SINGLE_CHOICE, options, tuple(correct), explanation
    )


def multiple_answers(bank: Bank, stem: Stem, items: list[Item], general: str | None) -> None:
    """Weights become all-or-nothing: the learner must choose every positive option."""
    correct = tuple(index for index, item in enumerate(items) if item.credit > 0)
    if not correct:
        bank.skip(stem.line, "multichoice", "no answer has a positive weight")
        return
    if any(item.weight is not None for item in items):
        bank.note(
            stem.line,
            "multichoice",
            f"partial-credit weights become all-or-nothing: choose exactly the "
            f"{len(correct)} positive options",
        )
    _note_lost_feedback(bank, stem, "multichoice", items, general)
    options = tuple(item.text for item in items)
    explanation = _explain(general, [items[index] for index in correct])
    add(bank, stem, "multichoice", ChallengeKind.MULTIPLE_CHOICE, options, correct, explanation)


def _explain(general: str | None, correct: list[Item]) -> str | None:
    """The general feedback, or else what the correct answers say about themselves."""
    if general:
        return general
    said = [item.feedback for item in correct if item.feedback]
    return "\n".join(dict.fromkeys(said)) or None


def _note_lost_feedback(
    bank: Bank, stem: Stem, kind: str, items: list[Item], general: str | None
) -> None:
    lost = [item for item in items if item.feedback and (general or item.credit < 100)]
    if lost:
        bank.note(
            stem.line,
            kind,
            "feedback on other answers is dropped: a challenge has one explanation",
        )


def add(
    bank: Bank,
    stem: Stem,
    source_kind: str,
    kind: ChallengeKind,
    options: tuple[str, ...],
    answers: tuple[int | str, ...],
    explanation: str | None,
) -> None:
    bank.questions.append(
        Question(
            line=stem.line,
            source_kind=source_kind,
            kind=kind,
            prompt=stem.prompt,
            options=options,
            answers=answers,
            title=stem.title,
            category=stem.category,
            explanation=explanation,
        )
    )
