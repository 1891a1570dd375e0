"""A learner's way through a lesson: progress, recorded answers and the scoring rule."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from domain.achievements import LearnerFacts
from domain.activity import Activity
from domain.catalogue import Challenge, Submission
from domain.enums import ProgressStatus
from domain.review import ReviewCard


@dataclass(frozen=True, slots=True)
class Progress:
    """One learner's state in one lesson. ``take`` counts how often the lesson was begun."""

    user_id: int
    lesson_id: int
    status: ProgressStatus
    score: int | None
    attempts: int
    take: int
    started_at: datetime | None
    completed_at: datetime | None

    @classmethod
    def begin(cls, user_id: int, lesson_id: int, now: datetime) -> "Progress":
        return cls(user_id, lesson_id, ProgressStatus.IN_PROGRESS, None, 0, 1, now, None)

    @property
    def is_completed(self) -> bool:
        return self.status is ProgressStatus.COMPLETED

    def with_attempt(self) -> "Progress":
        return replace(self, attempts=self.attempts + 1)

    def retaken(self) -> "Progress":
        return replace(self, take=self.take + 1)

    def completed(self, take_score: int, now: datetime) -> "Progress":
        """Completion never lowers a score: a retake keeps the best one."""
        if self.is_completed:
            return replace(self, score=max(self.score or 0, take_score))
        return replace(self, status=ProgressStatus.COMPLETED, score=take_score, completed_at=now)


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One submitted attempt; (user, challenge, take, attempt) identifies it exactly once."""

    user_id: int
    challenge_id: int
    take: int
    attempt: int
    is_correct: bool
    submission: Submission
    answered_at: datetime


@dataclass(frozen=True, slots=True)
class Take:
    """A lesson's progress with the answers given in its current take: what an answer
    needs to know before it is counted, read at once."""

    progress: Progress
    answers: tuple[AnswerRecord, ...]
    card: ReviewCard | None = None
    """The learner's review card of the challenge being answered, if asked for and any."""
    key: int | None = None
    """The store's handle on the progress row it read (an adapter's detail), so the write
    that counts an answer in this take finds the row without looking it up again."""


@dataclass(frozen=True, slots=True)
class CountedAnswer:
    """Everything one counted answer changes, written together, or not at all when its
    (learner, challenge, take, attempt) is already recorded."""

    record: AnswerRecord
    progress: Progress
    activities: tuple[Activity, ...]
    study_day: date | None
    ends_wait: bool = False
    """The learner's next message no longer answers this (solved) text challenge."""
    day_start: datetime | None = None
    """The learner's midnight, for a study answer: the facts then bring today's points."""
    card: ReviewCard | None = None
    """The challenge's review card after this answer, written with it (None: no review)."""


@dataclass(frozen=True, slots=True)
class AnswerRecorded:
    """A counted answer was written; ``facts`` is the learner's after it, given when
    the answer was study (a solved challenge), for the streak and achievements."""

    facts: LearnerFacts | None


def take_score(challenges: Sequence[Challenge], answers: Iterable[AnswerRecord]) -> int:
    """Full points for a first-try solution, half (rounded down) for a later one."""
    first_correct: dict[int, int] = {}
    for answer in answers:
        if answer.is_correct:
            known = first_correct.get(answer.challenge_id, answer.attempt)
            first_correct[answer.challenge_id] = min(known, answer.attempt)
    score = 0
    for challenge in challenges:
        attempt = first_correct.get(challenge.id)
        if attempt == 1:
            score += challenge.points
        elif attempt is not None:
            score += challenge.points // 2
    return score


def solved_ids(answers: Iterable[AnswerRecord]) -> frozenset[int]:
    return frozenset(answer.challenge_id for answer in answers if answer.is_correct)


def shown_ids(challenges: Sequence[Challenge], answers: Iterable[AnswerRecord]) -> frozenset[int]:
    """The challenges a take has put to its learner: every one answered in it, the first
    unsolved (what opening the quiz shows) and the next unsolved after each answered one
    (what "Next question" showed). Solved challenges stay solved within a take, so a
    challenge once put stays in this set until it is answered."""
    answers = tuple(answers)
    answered = {answer.challenge_id for answer in answers}
    solved = solved_ids(answers)
    ids = [challenge.id for challenge in challenges]
    unsolved = [position for position, id_ in enumerate(ids) if id_ not in solved]
    if not unsolved:
        return frozenset(answered)
    shown = set(answered) | {ids[unsolved[0]]}
    for position, id_ in enumerate(ids):
        if id_ in answered:
            after = next((p for p in unsolved if p > position), unsolved[0])
            shown.add(ids[after])
    return frozenset(shown)
