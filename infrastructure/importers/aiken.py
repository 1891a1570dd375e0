"""Aiken, Moodle's simplest format (docs.moodle.org/en/Aiken_format): single-answer
multiple choice only, a question on one line, options ``A.`` or ``A)``, then ``ANSWER: A``.

Too small a grammar to want a library: each question is parsed on its own, and one that
breaks a rule is skipped with its line while the others import.
"""

import re
from dataclasses import dataclass, field

from domain.enums import ChallengeKind
from infrastructure.importers.questions import Bank, Question

_OPTION = re.compile(r"([A-Z])[.)]\s+(.*)")
_ANSWER = re.compile(r"ANSWER:\s*([A-Z])\s*", re.IGNORECASE)
KIND = "aiken"
NO_ANSWER = "the question ends without an 'ANSWER:' line"


@dataclass(slots=True)
class _Draft:
    line: int
    prompt: str
    letters: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)


def parse_aiken(text: str) -> Bank:
    """A blank line after the options ends a question; after a broken one, lines are passed
    over up to its ``ANSWER:`` or a blank line."""
    bank = Bank()
    draft: _Draft | None = None
    passing_over = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if passing_over or not line:
            passing_over = passing_over and bool(line) and not _ANSWER.fullmatch(line)
            if not line and draft is not None and draft.options:
                bank.skip(draft.line, KIND, NO_ANSWER)
                draft = None
        elif draft is None:
            draft = _Draft(number, line)
        elif option := _OPTION.fullmatch(line):
            draft.letters.append(option.group(1))
            draft.options.append(option.group(2).strip())
        elif answer := _ANSWER.fullmatch(line):
            _finish(bank, draft, answer.group(1).upper())
            draft = None
        else:
            bank.skip(draft.line, KIND, f"line {number} is neither an option nor 'ANSWER:'")
            draft, passing_over = None, True
    if draft is not None:
        bank.skip(draft.line, KIND, NO_ANSWER)
    return bank


def _finish(bank: Bank, draft: _Draft, letter: str) -> None:
    if letter not in draft.letters:
        bank.skip(draft.line, KIND, f"the answer {letter} is not one of the options")
        return
    bank.questions.append(
        Question(
            line=draft.line,
            source_kind=KIND,
            kind=ChallengeKind.SINGLE_CHOICE,
            prompt=draft.prompt,
            options=tuple(draft.options),
            answers=(draft.letters.index(letter),),
        )
    )
