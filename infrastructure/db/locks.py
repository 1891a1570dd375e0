"""Database locks that let one process refresh the board while the others skip or wait."""

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

RETRY_SECONDS = 1.0
"""How often a holder that is willing to wait tries again."""
Pause = Callable[[float], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class LockKey:
    """One lock's name on each server: a PostgreSQL advisory key (a bigint) and a MySQL
    named-lock prefix. MySQL's named locks are server-wide, so the database's name is
    appended: two databases on one server (two deployments, or a benchmark beside the
    tests) never skip each other's runs."""

    advisory: int
    prefix: str

    @property
    def name(self) -> sa.ColumnElement[str]:
        return sa.func.concat(self.prefix, sa.func.database())


REFRESH = LockKey(0x6C6561726E626F74, "learnbot.leaderboard.refresh.")
"""Every refresh of the board, a tick or a full one. The key is "learnbot" in ASCII."""
FULL_REFRESH_CLAIM = LockKey(REFRESH.advisory + 1, "learnbot.leaderboard.full.")
"""The replica that runs a scheduled full refresh, held around its refresh lock."""
LEAGUES = LockKey(REFRESH.advisory + 2, "learnbot.leagues.rollover.")
"""The weekly leagues' rollover: one process closes a week while the others skip."""


class SqlRefreshLock:
    """PostgreSQL: an advisory lock of the caller's own transaction, gone at commit or
    rollback. MySQL: ``GET_LOCK`` on a connection of its own, held from before the
    caller's transaction begins until after it commits. SQLite serves one process.

    Waiting is trying again every ``RETRY_SECONDS``: the try never blocks, so a waiting
    PostgreSQL transaction is never aborted by a lock timeout.
    """

    def __init__(
        self, session: AsyncSession, key: LockKey = REFRESH, pause: Pause = asyncio.sleep
    ) -> None:
        self._session = session
        self._key = key
        self._pause = pause

    @asynccontextmanager
    async def hold(self, wait_seconds: float = 0) -> AsyncIterator[bool]:
        dialect = self._session.get_bind().dialect.name
        if dialect == "postgresql":
            lock = sa.select(sa.func.pg_try_advisory_xact_lock(self._key.advisory))

            async def attempt() -> bool:
                return bool(await self._session.scalar(lock))

            yield await self._keep_trying(attempt, wait_seconds)
        elif dialect in {"mysql", "mariadb"}:
            async with self._named_lock(wait_seconds) as acquired:
                yield acquired
        else:
            yield True

    async def _keep_trying(self, attempt: Callable[[], Awaitable[bool]], seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while not await attempt():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            await self._pause(min(RETRY_SECONDS, remaining))
        return True

    @asynccontextmanager
    async def _named_lock(self, wait_seconds: float) -> AsyncIterator[bool]:
        """``GET_LOCK`` belongs to the connection, not the transaction: a pooled connection
        handed back while holding it would lock every other replica out for good. So it is
        released on the same connection in ``finally``, and a connection that cannot say
        it released is invalidated, which closes it and makes the server drop the lock.
        """
        name = self._key.name
        async with self._engine().connect() as connection:

            async def attempt() -> bool:
                return bool(await connection.scalar(sa.select(sa.func.get_lock(name, 0))))

            acquired = await self._keep_trying(attempt, wait_seconds)
            try:
                yield acquired
            finally:
                if acquired:
                    await _release(connection, name)

    def _engine(self) -> AsyncEngine:
        """The session's engine, or that of the connection it is bound to (a unit of work's
        session made on its bare connection, ``transaction``)."""
        bind = self._session.bind
        if isinstance(bind, AsyncConnection):
            bind = bind.engine
        if not isinstance(bind, AsyncEngine):
            raise TypeError("the refresh lock needs a session bound to an engine")
        return bind


async def _release(connection: AsyncConnection, name: sa.ColumnElement[str]) -> None:
    try:
        await connection.scalar(sa.select(sa.func.release_lock(name)))
    except BaseException:
        await connection.invalidate()
        raise
