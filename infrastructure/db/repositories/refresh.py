"""The board's refresh: rank into a staging table, then write only the entries that changed."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from infrastructure.db.models import LeaderboardRow, table
from infrastructure.db.repositories.ranking import RANKED, ranking_query
from infrastructure.db.repositories.totals import TotalsRecount
from infrastructure.db.types import UtcDateTime
from infrastructure.db.upsert import affected

STAGING = sa.Table(
    "leaderboard_staging",
    sa.MetaData(),
    sa.Column("user_id", sa.Integer, primary_key=True),
    *(sa.Column(name, sa.Integer, nullable=False) for name in RANKED),
    prefixes=["TEMPORARY"],
)
"""Per-connection scratch space, invisible to other sessions and to the migrations."""

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
        """Recount the learners marked as changed, rank every learner once from their
        totals, then delete, update and insert only the entries that differ.

        Runs inside the caller's transaction, so other sessions keep reading the whole old
        board until it commits. At a million learners most entries are unchanged between
        ticks, and rewriting them (and their indexes) would be most of the cost.
        ``updated_at`` therefore says when an entry last changed.
        """
        await TotalsRecount(self._session).bring_up_to_date(week_start)
        await self._drop_staging()
        connection = await self._session.connection()
        await connection.run_sync(STAGING.create)
        try:
            ranked = await self._session.execute(
                sa.insert(STAGING).from_select(["user_id", *RANKED], ranking_query(week_start))
            )
            await self._write_changes(now)
        finally:
            await self._drop_staging()
        return affected(ranked)

    async def _write_changes(self, now: datetime) -> None:
        cache, staged = table(LeaderboardRow), STAGING.c
        same_learner = staged.user_id == cache.c.user_id
        is_staged = sa.select(staged.user_id).where(same_learner).exists()
        is_cached = sa.select(cache.c.user_id).where(same_learner).exists()
        changed = sa.or_(*(cache.c[name] != staged[name] for name in RANKED))
        await self._session.execute(sa.delete(cache).where(~is_staged))
        await self._session.execute(
            sa.update(cache)
            .where(same_learner, changed)
            .values({name: staged[name] for name in RANKED} | {"updated_at": now})
        )
        columns = [staged.user_id, *(staged[name] for name in RANKED)]
        await self._session.execute(
            sa.insert(cache).from_select(
                ["user_id", *RANKED, "updated_at"],
                sa.select(*columns, sa.literal(now, UtcDateTime())).where(~is_cached),
            )
        )

    async def _drop_staging(self) -> None:
        dialect = self._session.get_bind().dialect.name
        await self._session.execute(sa.text(DROP_STAGING[dialect]))
