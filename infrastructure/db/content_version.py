"""The content version: bumped by every content write, read for free with the learner.

A process caches the published catalogue per version (``CatalogueCache``). Each unit of
work learns the current version once: piggybacked on the learner query that every update
sends anyway, or, where no learner is loaded (CLI, jobs), by one primary-key read on first
use of the catalogue. A publish from another process is therefore seen by the next update.
"""

from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from infrastructure.db.models import ContentStateRow, table
from infrastructure.db.transaction import OnTransaction, Transaction

STATE = table(ContentStateRow)
_BUMPED = "content_state.bumped"


def version_column() -> sa.ScalarSelect[Any]:
    """The version as a scalar subquery, to ride along with another query (0 if no row)."""
    return sa.select(STATE.c.version).where(STATE.c.id == 1).scalar_subquery()


async def bump_version(session: AsyncSession) -> None:
    """Once per transaction: the upsert also recreates the row if it was ever deleted."""
    transaction = session.sync_session.get_transaction()
    if transaction is not None and session.info.get(_BUMPED) is transaction:
        return
    session.info[_BUMPED] = transaction
    dialect = session.get_bind().dialect.name
    row = {"id": 1, "version": 1}
    if dialect in {"mysql", "mariadb"}:
        upsert: Any = mysql.insert(STATE).values(row)
        upsert = upsert.on_duplicate_key_update(version=STATE.c.version + 1)
    else:
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        upsert = insert(STATE).values(row)
        upsert = upsert.on_conflict_do_update(
            index_elements=["id"], set_={"version": STATE.c.version + 1}
        )
    await session.execute(upsert)


class ContentVersion(OnTransaction):
    """What one unit of work knows of the version; ``written`` once it changed content."""

    def __init__(self, transaction: Transaction) -> None:
        super().__init__(transaction)
        self._seen: int | None = None
        self.written = False

    def observe(self, version: int | None) -> None:
        self._seen = version or 0

    async def current(self) -> int:
        if self._seen is None:
            self.observe(cast(int | None, await self._session.scalar(sa.select(version_column()))))
        return cast(int, self._seen)
