"""Daily reminders: who is due this hour, one message each per local day, never twice."""

from dataclasses import dataclass
from datetime import datetime

from domain.enums import Delivery
from domain.errors import LearnerNotFound
from domain.ports import Clock, Notifier, ReminderPorts
from domain.reminders import ReminderCandidate, is_due, is_valid_hour, local_time
from domain.services.learners import LearnerService

REMINDER_TEXT = "Your streak is waiting: learn one thing today to keep it going!"


def reminder_text(daily_goal: int, due_reviews: int = 0) -> str:
    """How far today's goal is: all of it, since a reminder goes only to a learner who has
    not studied today, and points today come only from study; and the reviews due."""
    text = f"{REMINDER_TEXT} Today's goal: {daily_goal} points to go."
    if due_reviews == 1:
        return f"{text} 1 card is due for review: /review"
    if due_reviews:
        return f"{text} {due_reviews} cards are due for review: /review"
    return text


@dataclass(frozen=True, slots=True)
class ReminderReport:
    sent: int = 0
    blocked: int = 0
    failed: int = 0


class ReminderService:
    def __init__(self, uow: ReminderPorts, clock: Clock, default_timezone: str) -> None:
        self._uow = uow
        self._clock = clock
        self._default_timezone = default_timezone

    async def due(self, now: datetime) -> list[ReminderCandidate]:
        """The database narrows to learners with reminders on; zones and days are sorted here.

        Per-zone local hours are awkward in portable SQL, and candidates are few.
        """
        candidates = await self._uow.reminders.candidates()
        return [c for c in candidates if is_due(c, now, self._default_timezone)]

    async def send_due(self, notifier: Notifier) -> ReminderReport:
        """One instant for the whole run, so a run crossing the hour judges everyone alike."""
        now = self._clock.now()
        outcomes = [await self._remind(c, now, notifier) for c in await self.due(now)]
        return ReminderReport(
            sent=outcomes.count(Delivery.SENT),
            blocked=outcomes.count(Delivery.BLOCKED),
            failed=outcomes.count(Delivery.FAILED),
        )

    async def _remind(
        self, candidate: ReminderCandidate, now: datetime, notifier: Notifier
    ) -> Delivery | None:
        """Claim and commit first: a crash after sending must not send it again."""
        today = local_time(candidate, now, self._default_timezone).date()
        if not await self._uow.reminders.claim(candidate.user_id, today):
            return None
        due = await self._uow.reviews.due(candidate.user_id, now)
        await self._uow.commit()
        text = reminder_text(candidate.daily_goal, due.count)
        outcome = await notifier.deliver(candidate.telegram_id, text)
        if outcome is Delivery.BLOCKED:
            await LearnerService(self._uow, self._clock).deactivate(candidate.user_id)
        return outcome

    async def choose(self, learner_id: int, hour: int | None) -> None:
        """Turn reminders on at a local hour, or off with None."""
        if hour is not None and not is_valid_hour(hour):
            raise ValueError(f"no such hour: {hour}")
        if not await self._uow.reminders.choose(learner_id, hour, self._clock.now()):
            raise LearnerNotFound(f"no learner with id {learner_id}")
        await self._uow.commit()

    async def chosen_hour(self, learner_id: int) -> int | None:
        return await self._uow.reminders.chosen_hour(learner_id)
