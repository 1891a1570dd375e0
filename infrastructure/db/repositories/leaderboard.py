import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.leaderboard import BoardKind, LeaderboardEntry
from domain.learners import display_name
from infrastructure.db.models import LeaderboardRow, UserRow
from infrastructure.db.upsert import affected

EntryQuery = sa.Select[LeaderboardRow, str | None, str | None, str | None, int]
_ENTRY: EntryQuery = sa.select(
    LeaderboardRow, UserRow.username, UserRow.first_name, UserRow.last_name, UserRow.telegram_id
).join(UserRow, UserRow.id == LeaderboardRow.user_id)
_RANK = {BoardKind.ALL_TIME: LeaderboardRow.rank, BoardKind.WEEK: LeaderboardRow.weekly_rank}


class SqlLeaderboard:
    """Reads the cache only: the board costs the same at ten learners or a million."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def top(self, limit: int, kind: BoardKind, viewer: int) -> list[LeaderboardEntry]:
        rank = _RANK[kind]
        seen = sa.or_(sa.not_(UserRow.hide_from_board), LeaderboardRow.user_id == viewer)
        statement = _ENTRY.where(seen).order_by(rank, LeaderboardRow.user_id)
        return await self._entries(statement.limit(limit))

    async def entry(self, user_id: int) -> LeaderboardEntry | None:
        entries = await self._entries(_ENTRY.where(LeaderboardRow.user_id == user_id))
        return entries[0] if entries else None

    async def neighbours(
        self, entry: LeaderboardEntry, count: int, kind: BoardKind
    ) -> list[LeaderboardEntry]:
        rank = _RANK[kind]
        position = sa.tuple_(rank, LeaderboardRow.user_id)
        me = sa.tuple_(sa.literal(entry.place(kind)), sa.literal(entry.user_id))
        visible = _ENTRY.where(sa.not_(UserRow.hide_from_board))
        above = visible.where(me > position).order_by(rank.desc(), LeaderboardRow.user_id.desc())
        below = visible.where(me < position).order_by(rank, LeaderboardRow.user_id)
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
                weekly_rank=row.weekly_rank,
                weekly_score=row.weekly_score,
            )
            for row, username, first_name, last_name, telegram_id in rows
        ]


class SqlBoardPrivacy:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def set_hidden(self, user_id: int, hidden: bool) -> bool:
        result = await self._session.execute(
            sa.update(UserRow).where(UserRow.id == user_id).values(hide_from_board=hidden)
        )
        return affected(result) > 0

    async def is_hidden(self, user_id: int) -> bool:
        query = sa.select(UserRow.hide_from_board).where(UserRow.id == user_id)
        return bool(await self._session.scalar(query))
