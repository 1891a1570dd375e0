"""Reminder settings and the day of the last reminder, on the users table."""

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.reminders import ReminderCandidate
from infrastructure.db.models import StudyDayRow, UserRow, table
from infrastructure.db.upsert import affected


class SqlReminders:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def candidates(self) -> list[ReminderCandidate]:
        """One query: the opted-in active learners, each with their last study day.

        The local hour and day depend on each learner's zone, which portable SQL cannot
        evaluate, so the domain finishes the selection; a few thousand rows an hour is cheap.
        """
        last_day = (
            sa.select(StudyDayRow.user_id, sa.func.max(StudyDayRow.day).label("last_day"))
            .group_by(StudyDayRow.user_id)
            .subquery()
        )
        statement = (
            sa.select(
                UserRow.id,
                UserRow.telegram_id,
                UserRow.timezone,
                UserRow.reminder_hour,
                UserRow.reminded_on,
                last_day.c.last_day,
                UserRow.daily_goal,
            )
            .outerjoin(last_day, last_day.c.user_id == UserRow.id)
            .where(UserRow.is_active, UserRow.reminders_enabled, UserRow.reminder_hour.is_not(None))
            .order_by(UserRow.id)
        )
        rows = await self._session.execute(statement)
        return [ReminderCandidate(*row) for row in rows]

    async def chosen_hour(self, user_id: int) -> int | None:
        statement = sa.select(UserRow.reminder_hour).where(
            UserRow.id == user_id, UserRow.reminders_enabled
        )
        return await self._session.scalar(statement)

    async def claim(self, user_id: int, day: date) -> bool:
        not_yet = sa.or_(UserRow.reminded_on.is_(None), UserRow.reminded_on != day)
        return await self._update(sa.and_(UserRow.id == user_id, not_yet), {"reminded_on": day})

    async def choose(self, user_id: int, hour: int | None, now: datetime) -> bool:
        values: dict[str, object] = {
            "reminders_enabled": hour is not None,
            "reminder_hour": hour,
            "updated_at": now,
        }
        return await self._update(UserRow.id == user_id, values)

    async def _update(self, condition: sa.ColumnElement[bool], values: dict[str, object]) -> bool:
        statement = sa.update(table(UserRow)).where(condition).values(values)
        return bool(affected(await self._session.execute(statement)))
