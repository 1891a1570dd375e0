"""Daily reminders: who is due this hour, one message each per local day, never twice."""

from dataclasses import replace
from datetime import datetime

from domain.enums import Delivery
from domain.errors import LearnerNotFound
from domain.freezes import DEFAULT_FREEZES, FreezeRules
from domain.ports import Clock, Notifier, ReminderPorts
from domain.reminders import (
    ReminderCandidate,
    is_due,
    is_their_hour,
    is_valid_hour,
    local_time,
)
from domain.services.commits import before_sending, settled_freezes
from domain.services.delivery import DeliveryReport, deliver
from domain.services.freezes import FreezeService

REMINDER_TEXT = "Your streak is waiting: learn one thing today to keep it going!"


def reminder_text(daily_goal: int, freezes_held: int = 0, due_reviews: int = 0) -> str:
    """How far today's goal is: all of it, since a reminder goes only to a learner who has
    not studied today, and points today come only from study. A learner holding a streak
    freeze is told that missing today would spend one; the reviews due are named."""
    text = f"{REMINDER_TEXT} Today's goal: {daily_goal} points to go."
    if freezes_held:
        text += f" Miss today and a streak freeze keeps your streak (❄️ {freezes_held} held)."
    if due_reviews == 1:
        return f"{text} 1 card is due for review: /review"
    if due_reviews:
        return f"{text} {due_reviews} cards are due for review: /review"
    return text


ReminderReport = DeliveryReport


class ReminderService:
    def __init__(
        self,
        uow: ReminderPorts,
        clock: Clock,
        default_timezone: str,
        freezes: FreezeRules = DEFAULT_FREEZES,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._default_timezone = default_timezone
        self._freeze_rules = freezes

    async def due(self, now: datetime) -> list[ReminderCandidate]:
        """The database narrows to learners with reminders on; zones and days are sorted here.

        Per-zone local hours are awkward in portable SQL, and candidates are few. Those at
        their hour have their streak freezes settled first.
        """
        candidates = await self._uow.reminders.candidates()
        at_hour = [c for c in candidates if is_their_hour(c, now, self._default_timezone)]
        settled = [await self._settled(c, now) for c in at_hour]
        return [c for c in settled if is_due(c, now, self._default_timezone)]

    async def _settled(self, candidate: ReminderCandidate, now: datetime) -> ReminderCandidate:
        """Spend the freezes the missed days take (committed at once, as the learner's next
        act would), so a day a freeze covered keeps the streak the reminder is about."""
        course = await self._uow.catalogue.course_settings()
        rules = course.freezes(self._freeze_rules)
        if not rules.cap:
            return candidate
        today = local_time(candidate, now, self._default_timezone).date()
        days = await self._uow.calendar.days(candidate.user_id)
        ledger = await FreezeService(self._uow.freezes, rules).settled(
            candidate.user_id, days, today
        )
        await settled_freezes(self._uow)
        kept = max((*days, *ledger.spent), default=None)
        held = ledger.held(rules)
        return replace(candidate, last_study_day=kept, freezes_held=held)

    async def send_due(self, notifier: Notifier) -> ReminderReport:
        """One instant for the whole run, so a run crossing the hour judges everyone alike."""
        now = self._clock.now()
        outcomes = [await self._remind(c, now, notifier) for c in await self.due(now)]
        return ReminderReport.of(outcomes)

    async def _remind(
        self, candidate: ReminderCandidate, now: datetime, notifier: Notifier
    ) -> Delivery | None:
        """Claim and commit first: a crash after sending must not send it again."""
        today = local_time(candidate, now, self._default_timezone).date()
        if not await self._uow.reminders.claim(candidate.user_id, today):
            return None
        due = await self._uow.reviews.due(candidate.user_id, now)
        await before_sending(self._uow)
        text = reminder_text(candidate.daily_goal, candidate.freezes_held, due.count)
        return await deliver(
            self._uow, self._clock, notifier, candidate.user_id, candidate.telegram_id, text
        )

    async def choose(self, learner_id: int, hour: int | None) -> None:
        """Turn reminders on at a local hour, or off with None."""
        if hour is not None and not is_valid_hour(hour):
            raise ValueError(f"no such hour: {hour}")
        if not await self._uow.reminders.choose(learner_id, hour, self._clock.now()):
            raise LearnerNotFound(f"no learner with id {learner_id}")

    async def chosen_hour(self, learner_id: int) -> int | None:
        return await self._uow.reminders.chosen_hour(learner_id)
