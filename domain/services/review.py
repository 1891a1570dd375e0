"""Review: the learner's due cards, asked one at a time, each answer a rated review.

A review answer counts towards the streak (it marks the study day) and, when right,
adds ``ReviewRules.points`` to today's points for the daily goal; it never touches a
lesson's progress or score and never awards achievements. Idempotency as for answers: a
review answer carries the card's review number, the store accepts each (learner,
challenge, review) once, and a replay is told so instead of counting again. A typed card
has no button to carry the number: its wait (``ReviewWait``) carries it, and the answer
ends the wait.
"""

from dataclasses import dataclass
from datetime import datetime

from domain.activity import Activity
from domain.catalogue import Challenge, Submission
from domain.enums import ActivityType
from domain.errors import ContentUnavailable, StaleAnswer
from domain.goals import day_start, goal_met
from domain.learners import Learner
from domain.ports import Clock, ReviewPorts, ReviewScheduler
from domain.review import (
    DEFAULT_RULES,
    ReviewRecord,
    ReviewRules,
    ReviewWait,
    elapsed_since,
    rating_for,
)
from domain.streaks import local_day


@dataclass(frozen=True, slots=True)
class ReviewStep:
    """A due card put to the learner: the review number their answer carries."""

    challenge: Challenge
    review: int
    due_count: int


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    challenge: Challenge
    is_correct: bool
    replayed: bool = False
    next_due: datetime | None = None
    goal_met: bool = False
    """This review's points met today's goal; a replay never meets it."""


class ReviewService:
    def __init__(
        self,
        uow: ReviewPorts,
        clock: Clock,
        default_timezone: str,
        scheduler: ReviewScheduler,
        rules: ReviewRules = DEFAULT_RULES,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._timezone = default_timezone
        self._scheduler = scheduler
        self._rules = rules

    async def due_count(self, learner: Learner) -> int:
        due = await self._uow.reviews.due(learner.id, self._clock.now())
        return due.count

    async def next_card(self, learner: Learner) -> ReviewStep | None:
        """The most overdue card whose challenge is published; None when nothing is due."""
        due = await self._uow.reviews.due(learner.id, self._clock.now())
        if due.first is None:
            return None
        challenge = await self._uow.catalogue.published_challenge(due.first.challenge_id)
        if challenge is None:
            return None
        return ReviewStep(challenge, due.first.reps, due.count)

    async def wait_for_typed(self, learner: Learner, step: ReviewStep) -> None:
        """A typed card is on screen: the learner's next typed message answers it."""
        wait = ReviewWait(learner.id, step.challenge.id, step.review, self._clock.now())
        await self._uow.review_waits.wait_for(wait)

    async def stop_waiting(self, learner: Learner) -> None:
        """A lesson's text challenge went up after the review card: it takes the message."""
        await self._uow.review_waits.stop(learner.id)

    async def answer_typed(self, learner: Learner, text: str) -> ReviewOutcome | None:
        """The typed message answers the card waiting for it; None when none waits. A wait
        whose card moved on (reviewed elsewhere, no longer due) is refused as stale."""
        wait = await self._uow.review_waits.waiting(learner.id)
        if wait is None:
            return None
        submission = Submission(text=text)
        return await self._answer(learner, wait.challenge_id, submission, wait.review, None, wait)

    async def answer(
        self,
        learner: Learner,
        challenge_id: int,
        submission: Submission,
        review: int,
        shown_at: datetime | None = None,
    ) -> ReviewOutcome:
        """Record one review; ``review`` is the number the question carried."""
        return await self._answer(learner, challenge_id, submission, review, shown_at, None)

    async def _answer(
        self,
        learner: Learner,
        challenge_id: int,
        submission: Submission,
        review: int,
        shown_at: datetime | None,
        wait: ReviewWait | None,
    ) -> ReviewOutcome:
        """A typed answer (``wait``) ends its wait in the same transaction."""
        challenge = await self._uow.catalogue.published_challenge(challenge_id)
        card = await self._uow.reviews.get(learner.id, challenge_id)
        if challenge is None or card is None:
            raise ContentUnavailable(f"challenge {challenge_id} is not one of the reviews")
        is_correct = challenge.check(submission)
        if review < card.reps and wait is None:
            await self._uow.rollback()
            return ReviewOutcome(challenge, is_correct, replayed=True, next_due=card.due)
        now = self._clock.now()
        if review != card.reps or not card.is_due(now):
            raise StaleAnswer(f"review {review} of challenge {challenge_id} is not due")
        rating = rating_for(is_correct, 1, elapsed_since(shown_at, now), self._rules.fast)
        after = card.reviewed(self._scheduler.schedule(card, rating, now), rating, now)
        points = self._rules.points if is_correct else 0
        record = ReviewRecord(learner.id, challenge_id, review, rating, is_correct, points, now)
        timezone = learner.timezone or self._timezone
        day = local_day(now, timezone)
        if not await self._uow.reviews.record_review(record, after, _activity(record), day):
            await self._uow.rollback()
            return ReviewOutcome(challenge, is_correct, replayed=True, next_due=card.due)
        if wait is not None:
            await self._uow.review_waits.stop(learner.id)
        met = await self._goal_met(learner, points, day_start(now, timezone))
        return ReviewOutcome(challenge, is_correct, next_due=after.due, goal_met=met)

    async def _goal_met(self, learner: Learner, points: int, midnight: datetime) -> bool:
        if not points:
            return False
        today = await self._uow.totals.points_since(learner.id, midnight)
        return goal_met(learner.daily_goal, today - points, today)


def _activity(record: ReviewRecord) -> Activity:
    details = {
        "review": record.review,
        "rating": record.rating.name,
        "correct": record.is_correct,
        "points": record.points,
    }
    return Activity(
        record.user_id,
        ActivityType.REVIEW_ANSWERED,
        record.reviewed_at,
        "challenge",
        record.challenge_id,
        details,
    )
