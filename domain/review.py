"""Spaced review: every answered challenge is a card the learner is asked again when a
memory model says it is about to be forgotten.

The model (FSRS) is an adapter behind ``ReviewScheduler``; what the domain decides is how
an answer's outcome becomes a rating, and what a card counts (reviews and lapses).
"""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import IntEnum

DEFAULT_FAST = timedelta(seconds=8)
DEFAULT_REVIEW_POINTS = 1


class Rating(IntEnum):
    """How well the learner remembered: FSRS's four grades, in its numbering."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class CardState(IntEnum):
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


@dataclass(frozen=True, slots=True)
class Memory:
    """What the memory model says of a card after a review."""

    state: CardState
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime


@dataclass(frozen=True, slots=True)
class ReviewCard:
    """One learner's memory of one challenge; ``reps`` counts its reviews, and is the
    number a review answer carries, so a replayed answer is recognised."""

    user_id: int
    challenge_id: int
    due: datetime
    state: CardState = CardState.LEARNING
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0

    @classmethod
    def new(cls, user_id: int, challenge_id: int, now: datetime) -> "ReviewCard":
        return cls(user_id, challenge_id, now)

    def is_due(self, now: datetime) -> bool:
        return self.due <= now

    def reviewed(self, memory: Memory, rating: Rating, now: datetime) -> "ReviewCard":
        """A lapse is a card the learner knew (in review) and then forgot."""
        lapsed = rating is Rating.AGAIN and self.state is CardState.REVIEW
        return replace(
            self,
            due=memory.due,
            state=memory.state,
            step=memory.step,
            stability=memory.stability,
            difficulty=memory.difficulty,
            last_review=now,
            reps=self.reps + 1,
            lapses=self.lapses + int(lapsed),
        )


@dataclass(frozen=True, slots=True)
class ReviewRules:
    """``fast``: an answer right on the first attempt within this time of the question
    being shown is EASY; ``points``: what a right review adds to today's points."""

    fast: timedelta = DEFAULT_FAST
    points: int = DEFAULT_REVIEW_POINTS


DEFAULT_RULES = ReviewRules()


def rating_for(
    is_correct: bool, attempt: int, elapsed: timedelta | None, fast: timedelta = DEFAULT_FAST
) -> Rating:
    """Wrong: AGAIN; right after retries: HARD; right first time: GOOD, or EASY when it
    came within ``fast`` of the question being shown (unknown ``elapsed``: never EASY)."""
    if not is_correct:
        return Rating.AGAIN
    if attempt > 1:
        return Rating.HARD
    if elapsed is not None and timedelta(0) <= elapsed <= fast:
        return Rating.EASY
    return Rating.GOOD


def elapsed_since(shown_at: datetime | None, now: datetime) -> timedelta | None:
    return None if shown_at is None else now - shown_at


@dataclass(frozen=True, slots=True)
class DueCards:
    """How many cards are due now, and the one most overdue."""

    count: int
    first: ReviewCard | None


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One review answer; (user, challenge, review) identifies it exactly once, where
    ``review`` is the card's ``reps`` when it was asked."""

    user_id: int
    challenge_id: int
    review: int
    rating: Rating
    is_correct: bool
    points: int
    reviewed_at: datetime


@dataclass(frozen=True, slots=True)
class ReviewWait:
    """A typed review card on screen: the learner's next typed message answers review
    ``review`` of it (the lesson's own text challenge waits on the learner's row)."""

    user_id: int
    challenge_id: int
    review: int
    since: datetime
