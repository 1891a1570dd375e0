"""A database lock that lets one process refresh the board while the others skip the tick."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

LOCK_NAME = sa.func.concat("learnbot.leaderboard.refresh.", sa.func.database())
"""MySQL's named locks are server-wide: the database's name keeps two databases on one
server (two deployments, or a benchmark beside the tests) from skipping each other's ticks."""
ADVISORY_KEY = 0x6C6561726E626F74
"""PostgreSQL advisory locks take a bigint: "learnbot" in ASCII."""


class SqlRefreshLock:
    """PostgreSQL: an advisory lock of the refresh's own transaction, gone at commit or
    rollback. MySQL: ``GET_LOCK`` on a connection of its own, held from before the
    refresh transaction begins until after it commits. SQLite serves one process.
    """

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    @asynccontextmanager
    async def hold(self) -> AsyncIterator[bool]:
        dialect = self._session.get_bind().dialect.name
        if dialect == "postgresql":
            lock = sa.func.pg_try_advisory_xact_lock(ADVISORY_KEY)
            yield bool(await self._session.scalar(sa.select(lock)))
        elif dialect in {"mysql", "mariadb"}:
            async with _named_lock(self._engine()) as acquired:
                yield acquired
        else:
            yield True

    def _engine(self) -> AsyncEngine:
        bind = self._session.bind
        if not isinstance(bind, AsyncEngine):
            raise TypeError("the refresh lock needs a session bound to an engine")
        return bind


@asynccontextmanager
async def _named_lock(engine: AsyncEngine) -> AsyncIterator[bool]:
    """``GET_LOCK`` belongs to the connection, not the transaction: a pooled connection
    handed back while holding it would lock every other replica out for good. So it is
    released on the same connection in ``finally``, and a connection that cannot say it
    released is invalidated, which closes it and makes the server drop the lock.
    """
    async with engine.connect() as connection:
        acquired = bool(await connection.scalar(sa.select(sa.func.get_lock(LOCK_NAME, 0))))
        try:
            yield acquired
        finally:
            if acquired:
                await _release(connection)


async def _release(connection: AsyncConnection) -> None:
    try:
        await connection.scalar(sa.select(sa.func.release_lock(LOCK_NAME)))
    except BaseException:
        await connection.invalidate()
        raise
