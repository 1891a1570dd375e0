from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.leaderboard import BoardKind, LeaderboardEntry
from domain.learners import display_name
from infrastructure.db.models import LeaderboardRow, UserRow, table
from infrastructure.db.repositories.ranking import RANKED
from infrastructure.db.upsert import affected

_ENTRY_FIELDS = ("user_id", *RANKED)

_CACHE = table(LeaderboardRow)
_COLUMNS = (*(_CACHE.c[name] for name in _ENTRY_FIELDS), _CACHE.c.updated_at)
_ENTRY = sa.select(
    *_COLUMNS, UserRow.username, UserRow.first_name, UserRow.last_name, UserRow.telegram_id
).join(UserRow, UserRow.id == _CACHE.c.user_id)
_RANK = {BoardKind.ALL_TIME: _CACHE.c.rank, BoardKind.WEEK: _CACHE.c.weekly_rank}


def top_statement(limit: int, kind: BoardKind, viewer: int) -> sa.Select[Any]:
    """Walks the (rank, user_id) index from the top; hidden learners are skipped."""
    seen = sa.or_(sa.not_(UserRow.hide_from_board), _CACHE.c.user_id == viewer)
    return _ENTRY.where(seen).order_by(_RANK[kind], _CACHE.c.user_id).limit(limit)


def entry_statement(user_id: int) -> sa.Select[Any]:
    return _ENTRY.where(_CACHE.c.user_id == user_id)


def neighbours_statement(
    entry: LeaderboardEntry, count: int, kind: BoardKind, dialect: str = "postgresql"
) -> sa.Select[Any]:
    """Both sides in one round trip: two index range scans from the entry's position."""
    rank = _RANK[kind]
    visible = _ENTRY.where(sa.not_(UserRow.hide_from_board))
    above = visible.where(_beside(rank, entry, kind, dialect, before=True))
    below = visible.where(_beside(rank, entry, kind, dialect, before=False))
    above = above.order_by(rank.desc(), _CACHE.c.user_id.desc())
    below = below.order_by(rank, _CACHE.c.user_id)
    sides = [side.limit(count).subquery() for side in (above, below)]
    both = sa.union_all(*(sa.select(side) for side in sides)).subquery()
    return sa.select(both).order_by(both.c[rank.key], both.c.user_id)


def _beside(
    rank: sa.Column[int], entry: LeaderboardEntry, kind: BoardKind, dialect: str, before: bool
) -> sa.ColumnElement[bool]:
    """(rank, user_id) before or after the entry's. PostgreSQL turns the row comparison
    into an index range; MariaDB does so only for the spelled-out form."""
    place, user_id = entry.place(kind), entry.user_id
    if dialect == "postgresql":
        me, position = (
            sa.tuple_(sa.literal(place), sa.literal(user_id)),
            sa.tuple_(rank, _CACHE.c.user_id),
        )
        return position < me if before else position > me
    if before:
        return sa.or_(rank < place, sa.and_(rank == place, _CACHE.c.user_id < user_id))
    return sa.or_(rank > place, sa.and_(rank == place, _CACHE.c.user_id > user_id))


class SqlLeaderboard:
    """Reads the cache only: the board costs the same at ten learners or a million."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def top(self, limit: int, kind: BoardKind, viewer: int) -> list[LeaderboardEntry]:
        return await self._entries(top_statement(limit, kind, viewer))

    async def entry(self, user_id: int) -> LeaderboardEntry | None:
        entries = await self._entries(entry_statement(user_id))
        return entries[0] if entries else None

    async def neighbours(
        self, entry: LeaderboardEntry, count: int, kind: BoardKind
    ) -> list[LeaderboardEntry]:
        dialect = self._session.get_bind().dialect.name
        return await self._entries(neighbours_statement(entry, count, kind, dialect))

    async def _entries(self, statement: sa.Select[Any]) -> list[LeaderboardEntry]:
        """Plain rows, no ORM identity map: the read path of every /top."""
        rows = await self._session.execute(statement)
        return [
            LeaderboardEntry(
                **{name: getattr(row, name) for name in _ENTRY_FIELDS},
                updated_at=row.updated_at,
                name=display_name(row.username, row.first_name, row.last_name, row.telegram_id),
            )
            for row in rows
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
