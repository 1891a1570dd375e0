"""Challenge kinds in one table: how each is answered, checked, defined, stored and put.

A new kind is a member of ``ChallengeKind`` and a row of ``KINDS`` (plus its rendering in
bot/rendering/kinds.py); the rest of the code asks ``kind_of`` instead of naming kinds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from domain.enums import ChallengeForm, ChallengeKind
from domain.errors import InvalidSubmission, NothingChosen

if TYPE_CHECKING:
    from domain.catalogue import Challenge, Submission

Problem = tuple[str, str]
"""(field, message): ``options``, or ``answers`` for the key the author gave them under."""
MANY = 1 << 16
"""No upper bound on a count."""


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind's rules. ``typed`` kinds are answered by a message and store the accepted
    texts; the others are answered by picking options and store the right option indexes."""

    name: str
    typed: bool
    picks: range
    """How many options a learner picks; how many are right (a choice kind's definition)."""
    forms: frozenset[ChallengeForm]
    reviewable: bool
    """Whether spaced review asks it again (a typed one waits for the learner's message)."""

    def check(self, challenge: Challenge, submission: Submission) -> bool:
        """Whether the submission is right; raises InvalidSubmission when it does not fit."""
        if self.typed:
            if submission.text is None:
                raise InvalidSubmission("this challenge expects a typed answer")
            accepted = {normalise_answer(answer) for answer in challenge.accepted_answers}
            return normalise_answer(submission.text) in accepted
        if submission.text is not None:
            raise InvalidSubmission("this challenge expects chosen options")
        if not submission.selected and len(self.picks) > 1:
            raise NothingChosen("no option was ticked")
        if not submission.selected <= frozenset(range(len(challenge.options))):
            raise InvalidSubmission("an option that this challenge does not have")
        if len(submission.selected) not in self.picks:
            raise InvalidSubmission(f"this challenge takes {_how_many(self.picks)}")
        return submission.selected == challenge.correct_options

    def definition_problems(self, options: Sequence[str], answers: Sequence[str]) -> list[Problem]:
        """What is wrong with a pack's definition of a challenge of this kind."""
        if self.typed:
            said = [("options", f"a {self.name} challenge has no options")] if options else []
            if not answers:
                said.append(
                    ("answer", f"a {self.name} challenge needs at least one accepted answer")
                )
            return said
        return _option_problems(options) + self._answer_problems(options, answers)

    def _answer_problems(self, options: Sequence[str], answers: Sequence[str]) -> list[Problem]:
        missing = [answer for answer in dict.fromkeys(answers) if answer not in options]
        said = [("answers", f"{answer!r} is not among the options") for answer in missing]
        correct = len(set(answers))
        needed = f"{self.name} challenge needs {_how_many(self.picks, 'correct ')}"
        if correct not in self.picks and len(self.picks) == 1:
            said.append(("answers", f"a {needed}, got {correct}"))
        elif correct not in self.picks:
            said.append(("answers", f"a {needed}"))
        return said

    def stored(self, options: Sequence[str], answers: Sequence[str]) -> tuple[int | str, ...]:
        """What the database keeps for a valid definition: texts, or sorted option indexes."""
        if self.typed:
            return tuple(answers)
        return tuple(sorted({options.index(answer) for answer in answers}))

    def loaded(self, stored: Sequence[int | str]) -> tuple[frozenset[int], tuple[str, ...]]:
        """The stored answers as (correct option indexes, accepted texts)."""
        if self.typed:
            return frozenset(), tuple(str(answer) for answer in stored)
        return frozenset(int(index) for index in stored), ()


KINDS: dict[ChallengeKind, Kind] = {
    ChallengeKind.SINGLE_CHOICE: Kind(
        "single-choice",
        typed=False,
        picks=range(1, 2),
        forms=frozenset({ChallengeForm.BUTTONS, ChallengeForm.POLL}),
        reviewable=True,
    ),
    ChallengeKind.MULTIPLE_CHOICE: Kind(
        "multiple-choice",
        typed=False,
        picks=range(1, MANY),
        forms=frozenset({ChallengeForm.BUTTONS}),
        reviewable=True,
    ),
    ChallengeKind.TEXT: Kind(
        "text",
        typed=True,
        picks=range(0),
        forms=frozenset({ChallengeForm.BUTTONS}),
        reviewable=True,
    ),
}


def kind_of(kind: ChallengeKind) -> Kind:
    return KINDS[kind]


def kinds_put_as(form: ChallengeForm) -> list[ChallengeKind]:
    return [kind for kind, rules in KINDS.items() if form in rules.forms]


def reviewable_kinds() -> list[ChallengeKind]:
    return [kind for kind, rules in KINDS.items() if rules.reviewable]


def _option_problems(options: Sequence[str]) -> list[Problem]:
    if len(options) < 2:
        return [("options", "a choice challenge needs at least two options")]
    if len(set(options)) != len(options):
        return [("options", "two options have the same text")]
    return []


def _how_many(picks: range, what: str = "") -> str:
    """'exactly one option', 'at least 2 correct options': the count a kind asks for."""
    least = f"{_count(picks.start)} {what}option{'s' if picks.start > 1 else ''}"
    return f"exactly {least}" if len(picks) == 1 else f"at least {least}"


def _count(number: int) -> str:
    return "one" if number == 1 else str(number)


_WHITESPACE = re.compile(r"\s+")


def normalise_answer(text: str) -> str:
    """Case and whitespace do not make a typed answer wrong."""
    return _WHITESPACE.sub(" ", text).strip().casefold()
