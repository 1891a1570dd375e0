"""The board's refresh: stage only the entries that differ from the board, then write them."""

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from infrastructure.db.models import LeaderboardRow, UserRow, table
from infrastructure.db.repositories.ranking import RANKED, ranking_query
from infrastructure.db.repositories.totals import TotalsRecount
from infrastructure.db.types import UtcDateTime

STAGING = sa.Table(
    "leaderboard_staging",
    sa.MetaData(),
    sa.Column("user_id", sa.Integer, primary_key=True),
    *(sa.Column(name, sa.Integer, nullable=False) for name in RANKED),
    sa.Column("fresh", sa.Boolean, nullable=False),
    prefixes=["TEMPORARY"],
)
"""Per-connection scratch space, invisible to other sessions and to the migrations.
``fresh`` marks learners not on the board yet."""

DROP_STAGING = {
    "mysql": "DROP TEMPORARY TABLE IF EXISTS leaderboard_staging",
    "mariadb": "DROP TEMPORARY TABLE IF EXISTS leaderboard_staging",
    "sqlite": "DROP TABLE IF EXISTS temp.leaderboard_staging",
    "postgresql": "DROP TABLE IF EXISTS pg_temp.leaderboard_staging",
}
"""MySQL's plain ``DROP TABLE`` would commit the transaction; ``TEMPORARY`` does not."""


class SqlLeaderboardRefresher:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def refresh(self, now: datetime, week_start: datetime) -> int:
        """Recount the learners marked as changed, rank every learner from their totals,
        and stage only the entries that differ from the board; then delete, update and
        insert just those.

        Runs inside the caller's transaction, so other sessions keep reading the whole old
        board until it commits. At a million learners most entries are unchanged between
        ticks: comparing while ranking (one join with the board) keeps the staging table
        small, and rewriting unchanged entries (and their indexes) would be most of the
        cost. ``updated_at`` therefore says when an entry last changed.
        """
        await TotalsRecount(self._session).bring_up_to_date(week_start)
        await self._drop_staging()
        connection = await self._session.connection()
        await connection.run_sync(STAGING.create)
        try:
            await self._session.execute(
                sa.insert(STAGING).from_select(
                    ["user_id", *RANKED, "fresh"], _differences(week_start)
                )
            )
            await self._write_changes(now)
        finally:
            await self._drop_staging()
        active = sa.select(sa.func.count()).select_from(UserRow).where(UserRow.is_active)
        return int(await self._session.scalar(active) or 0)

    async def _write_changes(self, now: datetime) -> None:
        """Leavers are the board's inactive learners (deleted ones go by cascade)."""
        cache, staged = table(LeaderboardRow), STAGING.c
        inactive = sa.select(UserRow.id).where(sa.not_(UserRow.is_active))
        await self._session.execute(sa.delete(cache).where(cache.c.user_id.in_(inactive)))
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

    async def _drop_staging(self) -> None:
        dialect = self._session.get_bind().dialect.name
        await self._session.execute(sa.text(DROP_STAGING[dialect]))


def _differences(week_start: datetime) -> sa.Select[Any]:
    """The ranked learners whose entry is missing from the board or differs from it."""
    ranked = ranking_query(week_start).subquery()
    cache = table(LeaderboardRow)
    fresh = cache.c.user_id.is_(None)
    changed = sa.or_(fresh, *(cache.c[name] != ranked.c[name] for name in RANKED))
    return (
        sa.select(ranked, sa.case((fresh, sa.true()), else_=sa.false()))
        .outerjoin(cache, cache.c.user_id == ranked.c.user_id)
        .where(changed)
    )
