"""The board's refresh: stage only the entries that differ from the board, then write them."""

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from infrastructure.db.models import LeaderboardRow, UserRow, table
from infrastructure.db.repositories.ranking import RANKED, ranking
from infrastructure.db.repositories.scratch import scratch, temporary_table
from infrastructure.db.repositories.totals import TotalsRecount
from infrastructure.db.types import UtcDateTime

STAGING = temporary_table(
    "leaderboard_staging",
    sa.Column("user_id", sa.Integer, primary_key=True, autoincrement=False),
    *(sa.Column(name, sa.Integer, nullable=False) for name in RANKED),
    sa.Column("fresh", sa.Boolean, nullable=False),
)
"""The new and changed entries; ``fresh`` marks learners not on the board yet."""


class SqlLeaderboardRefresher:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def refresh(self, now: datetime, week_start: datetime, recount_all: bool = False) -> int:
        """Recount the learners marked as changed (``recount_all``: every learner, in one
        set-based rebuild of their totals), rank every learner from their totals, and
        stage only the entries that differ from the board; then delete, update and insert
        just those.

        Runs inside the caller's transaction, so other sessions keep reading the whole old
        board until it commits. At a million learners most entries are unchanged between
        ticks: comparing while ranking (one join with the board) keeps the staging table
        small, and rewriting unchanged entries (and their indexes) would be most of the
        cost. ``updated_at`` therefore says when an entry last changed.
        """
        recount = TotalsRecount(self._session)
        if recount_all:
            await recount.rebuild(week_start)
        else:
            await recount.bring_up_to_date(week_start)
        async with scratch(self._session, STAGING):
            async with ranking(self._session, week_start) as ranked:
                differences = _differences(ranked.subquery())
                columns = ["user_id", *RANKED, "fresh"]
                await self._session.execute(sa.insert(STAGING).from_select(columns, differences))
            await self._write_changes(now)
        active = sa.select(sa.func.count()).select_from(UserRow).where(UserRow.is_active)
        return int(await self._session.scalar(active) or 0)

    async def _write_changes(self, now: datetime) -> None:
        cache, staged = table(LeaderboardRow), STAGING.c
        await self._session.execute(_leavers(self._session.get_bind().dialect.name))
        await self._session.execute(
            sa.update(cache)
            .where(staged.user_id == cache.c.user_id, sa.not_(staged.fresh))
            .values({name: staged[name] for name in RANKED} | {"updated_at": now})
        )
        columns = [staged.user_id, *(staged[name] for name in RANKED)]
        await self._session.execute(
            sa.insert(cache).from_select(
                ["user_id", *RANKED, "updated_at"],
                sa.select(*columns, sa.literal(now, UtcDateTime())).where(staged.fresh),
            )
        )


def _leavers(dialect: str) -> sa.Delete:
    """The board's inactive learners (deleted ones go by cascade).

    MariaDB's single-table DELETE does not turn ``IN (subquery)`` into a semi-join: it
    would test each of a million entries. Joined, it starts from the inactive learners
    (a range of the users' ``(is_active, hide_from_board)`` index). SQLite has no
    multi-table DELETE; PostgreSQL plans the ``IN`` as a semi-join.
    """
    cache, inactive = table(LeaderboardRow), sa.not_(UserRow.is_active)
    if dialect in {"mysql", "mariadb"}:
        return sa.delete(cache).where(cache.c.user_id == UserRow.id, inactive)
    return sa.delete(cache).where(cache.c.user_id.in_(sa.select(UserRow.id).where(inactive)))


def _differences(ranked: sa.Subquery) -> sa.Select[Any]:
    """The ranked learners whose entry is missing from the board or differs from it."""
    cache = table(LeaderboardRow)
    fresh = cache.c.user_id.is_(None)
    changed = sa.or_(fresh, *(cache.c[name] != ranked.c[name] for name in RANKED))
    return (
        sa.select(ranked, sa.case((fresh, sa.true()), else_=sa.false()))
        .outerjoin(cache, cache.c.user_id == ranked.c.user_id)
        .where(changed)
    )
