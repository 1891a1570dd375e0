from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.enums import ProgressStatus
from domain.leaderboard import LeaderboardEntry
from domain.learners import display_name
from infrastructure.db.models import (
    AchievementRow,
    EarnedRow,
    LeaderboardRow,
    ProgressRow,
    UserRow,
    table,
)
from infrastructure.db.types import UtcDateTime
from infrastructure.db.upsert import affected

EntryQuery = sa.Select[LeaderboardRow, str | None, str | None, str | None, int]
_ENTRY: EntryQuery = sa.select(
    LeaderboardRow, UserRow.username, UserRow.first_name, UserRow.last_name, UserRow.telegram_id
).join(UserRow, UserRow.id == LeaderboardRow.user_id)
_POSITION = sa.tuple_(LeaderboardRow.rank, LeaderboardRow.user_id)


class SqlLeaderboard:
    """Reads the cache only: the board costs the same at ten learners or a million."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def top(self, limit: int) -> list[LeaderboardEntry]:
        statement = _ENTRY.order_by(LeaderboardRow.rank, LeaderboardRow.user_id).limit(limit)
        return await self._entries(statement)

    async def entry(self, user_id: int) -> LeaderboardEntry | None:
        entries = await self._entries(_ENTRY.where(LeaderboardRow.user_id == user_id))
        return entries[0] if entries else None

    async def neighbours(self, entry: LeaderboardEntry, count: int) -> list[LeaderboardEntry]:
        me = sa.tuple_(sa.literal(entry.rank), sa.literal(entry.user_id))
        above = _ENTRY.where(me > _POSITION).order_by(
            LeaderboardRow.rank.desc(), LeaderboardRow.user_id.desc()
        )
        below = _ENTRY.where(me < _POSITION).order_by(LeaderboardRow.rank, LeaderboardRow.user_id)
        before = await self._entries(above.limit(count))
        return [*reversed(before), *await self._entries(below.limit(count))]

    async def _entries(self, statement: EntryQuery) -> list[LeaderboardEntry]:
        rows = await self._session.execute(statement)
        return [
            LeaderboardEntry(
                user_id=row.user_id,
                rank=row.rank,
                total_score=row.total_score,
                lessons_completed=row.lessons_completed,
                achievements_count=row.achievements_count,
                name=display_name(username, first_name, last_name, telegram_id),
                updated_at=row.updated_at,
            )
            for row, username, first_name, last_name, telegram_id in rows
        ]


class SqlLeaderboardRefresher:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def refresh(self, now: datetime) -> int:
        """Replace the board with one ``INSERT ... SELECT`` ranked by a window function.

        Runs inside the caller's transaction, so other sessions keep reading the old board
        until it commits.
        """
        await self._session.execute(sa.delete(table(LeaderboardRow)))
        columns = ["user_id", "rank", "total_score", "lessons_completed", "achievements_count"]
        insert = sa.insert(table(LeaderboardRow)).from_select(
            [*columns, "updated_at"], ranking_query(now)
        )
        result = await self._session.execute(insert)
        return affected(result)


def ranking_query(now: datetime) -> sa.Select[int, int, int, int, int, datetime]:
    """Active learners with total = completed lesson scores + earned achievement points."""
    lessons = (
        sa.select(
            ProgressRow.user_id,
            sa.func.sum(sa.func.coalesce(ProgressRow.score, 0)).label("score"),
            sa.func.count().label("completed"),
        )
        .where(ProgressRow.status == ProgressStatus.COMPLETED)
        .group_by(ProgressRow.user_id)
        .subquery()
    )
    earned = (
        sa.select(
            EarnedRow.user_id,
            sa.func.sum(AchievementRow.points).label("points"),
            sa.func.count().label("earned"),
        )
        .join(AchievementRow, AchievementRow.id == EarnedRow.achievement_id)
        .group_by(EarnedRow.user_id)
        .subquery()
    )
    total = sa.cast(
        sa.func.coalesce(lessons.c.score, 0) + sa.func.coalesce(earned.c.points, 0), sa.Integer
    )
    return (
        sa.select(
            UserRow.id,
            sa.func.rank().over(order_by=total.desc()),
            total,
            sa.cast(sa.func.coalesce(lessons.c.completed, 0), sa.Integer),
            sa.cast(sa.func.coalesce(earned.c.earned, 0), sa.Integer),
            sa.literal(now, UtcDateTime()),
        )
        .outerjoin(lessons, lessons.c.user_id == UserRow.id)
        .outerjoin(earned, earned.c.user_id == UserRow.id)
        .where(UserRow.is_active)
    )
