"""What a simulated learner presses: every challenge wrong once, then right.

Per lesson of three challenges that is three wrong answers, two right ones and one that
completes the lesson (streak, achievements, the learner's totals): every kind of answer
the hot path knows, in a fixed mix.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from bench.support.course import Course
from bot.callbacks import PickCb, SubmitCb
from domain.catalogue import Challenge
from domain.enums import ChallengeKind


class AnswerKind(StrEnum):
    WRONG = "wrong"
    RIGHT = "right"
    COMPLETING = "completing"


@dataclass(frozen=True, slots=True)
class Step:
    """One button press: the callback data and what kind of answer it is."""

    challenge: Challenge
    attempt: int
    right: bool
    kind: AnswerKind
    payload: str


def answer_plan(course: Course) -> Iterator[Step]:
    for challenges in course:
        for challenge in challenges:
            yield _step(challenge, 1, right=False, last=False)
            yield _step(challenge, 2, right=True, last=challenge is challenges[-1])


def plan_length(course: Course) -> int:
    return 2 * sum(len(challenges) for challenges in course)


def _step(challenge: Challenge, attempt: int, *, right: bool, last: bool) -> Step:
    chosen = challenge.correct_options if right else _a_wrong_option(challenge)
    kind = AnswerKind.WRONG
    if right:
        kind = AnswerKind.COMPLETING if last else AnswerKind.RIGHT
    return Step(challenge, attempt, right, kind, _payload(challenge, attempt, chosen))


def _a_wrong_option(challenge: Challenge) -> frozenset[int]:
    wrong = next(i for i in range(len(challenge.options)) if i not in challenge.correct_options)
    return frozenset({wrong})


def _payload(challenge: Challenge, attempt: int, chosen: frozenset[int]) -> str:
    if challenge.kind is ChallengeKind.SINGLE_CHOICE:
        (option,) = chosen
        return PickCb(challenge_id=challenge.id, attempt=attempt, option=option).pack()
    mask = sum(1 << option for option in chosen)
    return SubmitCb(challenge_id=challenge.id, attempt=attempt, mask=mask).pack()
