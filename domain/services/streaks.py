"""Streaks: consecutive calendar days of study in the learner's own time zone."""

from datetime import datetime

from domain.ports import StudyCalendar
from domain.streaks import Streak, local_day, streak_on


class StreakService:
    def __init__(self, calendar: StudyCalendar, default_timezone: str) -> None:
        self._calendar = calendar
        self._default_timezone = default_timezone

    def timezone(self, learner_timezone: str | None) -> str:
        return learner_timezone or self._default_timezone

    async def record_study(self, user_id: int, learner_timezone: str | None, now: datetime) -> None:
        await self._calendar.mark(user_id, local_day(now, self.timezone(learner_timezone)))

    async def streak(self, user_id: int, learner_timezone: str | None, now: datetime) -> Streak:
        today = local_day(now, self.timezone(learner_timezone))
        return streak_on(await self._calendar.days(user_id), today)
