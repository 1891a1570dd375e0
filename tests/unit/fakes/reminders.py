from datetime import date, datetime

from domain.reminders import ReminderCandidate

from .tables import Tables


class FakeReminders:
    """Reminder settings and the last reminder day, kept beside the learners' rows."""

    def __init__(self, tables: Tables) -> None:
        self._tables = tables

    async def candidates(self) -> list[ReminderCandidate]:
        tables = self._tables
        return [
            ReminderCandidate(
                user_id=learner.id,
                telegram_id=learner.telegram_id,
                timezone=learner.timezone,
                reminder_hour=tables.reminder_hours[learner.id],
                reminded_on=tables.reminded_on.get(learner.id),
                last_study_day=max(
                    (day for user_id, day in tables.study_days if user_id == learner.id),
                    default=None,
                ),
                daily_goal=learner.daily_goal,
            )
            for learner in tables.learners.values()
            if learner.is_active and learner.id in tables.reminder_hours
        ]

    async def chosen_hour(self, user_id: int) -> int | None:
        return self._tables.reminder_hours.get(user_id)

    async def claim(self, user_id: int, day: date) -> bool:
        if self._tables.reminded_on.get(user_id) == day:
            return False
        self._tables.reminded_on[user_id] = day
        return True

    async def choose(self, user_id: int, hour: int | None, now: datetime) -> bool:
        if user_id not in self._tables.learners:
            return False
        if hour is None:
            self._tables.reminder_hours.pop(user_id, None)
        else:
            self._tables.reminder_hours[user_id] = hour
        return True
