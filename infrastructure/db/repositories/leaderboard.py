from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.leaderboard import Board, BoardKind, LeaderboardEntry
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


_Value = int | sa.BindParameter[int]


def top_statement(limit: _Value, kind: BoardKind, viewer: _Value) -> sa.Select[Any]:
    """Walks the (rank, user_id) index from the top; hidden learners are skipped."""
    seen = sa.or_(sa.not_(UserRow.hide_from_board), _CACHE.c.user_id == viewer)
    return _ENTRY.where(seen).order_by(_RANK[kind], _CACHE.c.user_id).limit(limit)


def entry_statement(user_id: _Value) -> sa.Select[Any]:
    return _ENTRY.where(_CACHE.c.user_id == user_id)


@cache
def board_statement(kind: BoardKind, neighbours: bool, dialect: str) -> sa.CompoundSelect[Any]:
    """The top, the viewer's entry and the visible learners either side of it, as one
    statement: one round trip and one snapshot. Each part is an index read with a LIMIT;
    ``part`` says which rows are which. The rows come in no particular order (sorting
    fifteen rows here spares MariaDB a temporary table).

    Built once per board, dialect and shape (building it costs more than running it);
    ``viewer``, ``top`` and ``around`` are bound at execution. The limits are written into
    the SQL: with them known, PostgreSQL's plan for a parameter-less LIMIT no longer looks
    dearer than a fresh one, so the prepared statement settles on one plan and stops
    planning each read (a millisecond of the board's 1.2 ms on the server)."""
    rank = _RANK[kind]
    viewer = sa.bindparam("viewer", type_=sa.Integer)
    top, around = (
        sa.bindparam(name, type_=sa.Integer, literal_execute=True) for name in _PARAMETERS[1:]
    )
    place = sa.select(rank).where(_CACHE.c.user_id == viewer).scalar_subquery()
    visible = _ENTRY.where(sa.not_(UserRow.hide_from_board))
    above = visible.where(_beside(rank, place, viewer, dialect, before=True))
    below = visible.where(_beside(rank, place, viewer, dialect, before=False))
    parts = [
        (_TOP, top_statement(top, kind, viewer)),
        (_ME, entry_statement(viewer)),
        (_AROUND, above.order_by(rank.desc(), _CACHE.c.user_id.desc()).limit(around)),
        (_AROUND, below.order_by(rank, _CACHE.c.user_id).limit(around)),
    ]
    labelled = [
        statement.add_columns(sa.literal_column(str(part), sa.Integer).label("part"))
        for part, statement in parts[: 4 if neighbours else 2]
    ]
    if dialect == "sqlite":  # no parenthesised members, so no LIMIT in one but a subquery's
        labelled = [sa.select(statement.subquery()) for statement in labelled]
    return sa.union_all(*labelled)


_PARAMETERS = ("viewer", "top", "around")
_TOP, _ME, _AROUND = 0, 1, 2


def _beside(
    rank: sa.Column[int],
    place: sa.ScalarSelect[int],
    user_id: sa.BindParameter[int],
    dialect: str,
    before: bool,
) -> sa.ColumnElement[bool]:
    """(rank, user_id) before or after the viewer's. PostgreSQL turns the row comparison
    into an index range; MariaDB does so only for the spelled-out form. Off the board,
    ``place`` is NULL and neither side has rows."""
    if dialect == "postgresql":
        me, position = sa.tuple_(place, user_id), sa.tuple_(rank, _CACHE.c.user_id)
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

    async def board(self, viewer: int, kind: BoardKind, top: int, around: int) -> Board:
        statement = board_statement(kind, around > 0, self._session.get_bind().dialect.name)
        parameters = dict(zip(_PARAMETERS, (viewer, top, around), strict=True))
        rows = (await self._session.execute(statement, parameters)).all()
        entries = sorted(
            ((row.part, _entry(row)) for row in rows),
            key=lambda row: (row[0], row[1].place(kind), row[1].user_id),
        )
        mine = [entry for part, entry in entries if part == _ME]
        return Board(
            top=[entry for part, entry in entries if part == _TOP],
            me=mine[0] if mine else None,
            around_me=[entry for part, entry in entries if part == _AROUND],
            kind=kind,
        )

    async def _entries(self, statement: sa.Select[Any]) -> list[LeaderboardEntry]:
        """Plain rows, no ORM identity map."""
        return [_entry(row) for row in await self._session.execute(statement)]


def _entry(row: sa.Row[Any]) -> LeaderboardEntry:
    return LeaderboardEntry(
        **{name: getattr(row, name) for name in _ENTRY_FIELDS},
        updated_at=row.updated_at,
        name=display_name(row.username, row.first_name, row.last_name, row.telegram_id),
    )


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
