"""Streaks: consecutive calendar days of study in the learner's own time zone."""

from collections.abc import Iterable
from datetime import date, datetime

from domain.ports import StudyCalendar
from domain.streaks import Streak, local_day, streak_on


class StreakService:
    def __init__(self, calendar: StudyCalendar, default_timezone: str) -> None:
        self._calendar = calendar
        self._default_timezone = default_timezone

    def timezone(self, learner_timezone: str | None) -> str:
        return learner_timezone or self._default_timezone

    def today(self, learner_timezone: str | None, now: datetime) -> date:
        return local_day(now, self.timezone(learner_timezone))

    async def record_study(self, user_id: int, learner_timezone: str | None, now: datetime) -> None:
        await self._calendar.mark(user_id, self.today(learner_timezone, now))

    async def streak(self, user_id: int, learner_timezone: str | None, now: datetime) -> Streak:
        return self.streak_in(await self._calendar.days(user_id), learner_timezone, now)

    def streak_in(
        self, days: Iterable[date], learner_timezone: str | None, now: datetime
    ) -> Streak:
        """The streak from days already read (an answer reads them with its totals)."""
        return streak_on(list(days), self.today(learner_timezone, now))
