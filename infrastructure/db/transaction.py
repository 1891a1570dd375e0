"""A unit of work's transaction: on a pooled connection of its own, the session made only
when something asks for it.

The answer path's statements already run on the driver itself (``prepared``,
``mysql_script``); what was left of SQLAlchemy on that path was the session around them:
an ``AsyncSession``, its transaction and its connection, made and ended on every update,
each step a greenlet run through the session's and the connection's layers. By
``bench.transaction``, a session, one ``SELECT`` on the driver and COMMIT cost 246 µs of
CPU on PostgreSQL and 198 µs on MariaDB; this transaction around the same ``SELECT``, 175
and 139 µs (docs/performance.md).

So on PostgreSQL and MySQL/MariaDB a transaction starts **bare**: a connection checked out
of the engine's pool, with the pool's own checks (``checkout``: on PostgreSQL its BEGIN),
which the answer path's runners use through ``driver``, and which is committed or rolled
back on the driver and checked in again. The first time anything asks for ``session``,
the session is made on that very connection (``Connection`` wraps the checked-out
connection, the session is bound to it), so what the runners wrote and what the session
writes are one transaction; once that transaction ends, the connection goes back to the
pool and the session is bound to the engine, as every session was before. Either way the
connection is held only while its transaction is open, as the session held it, and never
two at once. SQLite, a pool made without learnbot's checks (``NullPool``) and a factory
bound to anything but an engine get the session from the start.

A bare transaction reports as the session's does: an outage is ``StorageUnavailable`` (the
connection invalidated), a deadlock ``StorageConflict``, and the engine's
``before_cursor_execute``, ``commit`` and ``rollback`` listeners (statement counters,
tracing) see its statements and its end, with no ``Connection`` to pass them (``None``).
"""

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.pool import PoolProxiedConnection
from sqlalchemy.util import greenlet_spawn

from domain.errors import StorageConflict, StorageUnavailable
from infrastructure.db.checkout import checks_on_checkout
from infrastructure.db.held import held_driver
from infrastructure.db.outage import CONNECT_DELAYS, connect_patiently, is_conflict, is_outage

MARKED = "learner_totals.marked"
"""``session.info`` key of the learners whose totals mark this transaction wrote
(``totals.claim_mark``): the transaction's own set, shared with the session it makes."""
log = logging.getLogger(__name__)


class Transaction:
    """One unit of work's transaction, from ``open`` to ``close``; ``commit`` and
    ``rollback`` end it, and the next use begins another."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession] | None = None,
        *,
        session: AsyncSession | None = None,
    ) -> None:
        """``session``: one of the caller's own (a migration's), used as it is."""
        bind = sessions.kw.get("bind") if sessions is not None else None
        self._sessions = sessions
        self._engine: AsyncEngine | None = bind if isinstance(bind, AsyncEngine) else None
        self._bare = self._engine is not None and _bare_on(self._engine)
        self._pooled: PoolProxiedConnection | None = None
        self._failed = False
        """A bare connection lost in this transaction: it cannot be committed."""
        self._wrapped: AsyncConnection | None = None
        """The session's ``Connection`` on the bare connection, until its transaction ends."""
        self._held: AsyncConnection | None = None
        """The session's connection the runners last asked for (``driver``)."""
        self._session = session
        self.generation = 0
        """Changes whenever a transaction ends: "the same transaction" for what is kept
        for one (``read_ahead``)."""
        self.marked: set[int] = set()

    @property
    def bare(self) -> bool:
        """Whether this unit of work has run without its session so far."""
        return self._session is None

    @property
    def dialect(self) -> Dialect:
        if self._engine is not None:
            return self._engine.dialect
        return self.session.get_bind().dialect

    async def open(self, delays: Sequence[float] = CONNECT_DELAYS) -> None:
        """Check out the connection (begin the session's transaction), retrying while the
        database is unreachable: nothing has been sent yet, so retrying is always safe."""
        if not self._bare:
            await connect_patiently(self.session, delays)
            return
        for delay in delays:
            try:
                await self._check_out()
                return
            except StorageUnavailable:
                log.info("database unavailable; trying again in %.1f s", delay)
                await asyncio.sleep(delay)
        await self._check_out()

    @property
    def session(self) -> AsyncSession:
        """Made on first use: on the bare connection if one is held, else on the engine."""
        if self._session is None:
            if self._failed:
                raise StorageUnavailable("the database connection was lost in this transaction")
            if self._sessions is None:
                raise RuntimeError("the transaction was closed")
            if self._pooled is not None:
                assert self._engine is not None
                pooled, self._pooled = self._pooled, None
                connection = sa.Connection(self._engine.sync_engine, pooled)
                self._wrapped = AsyncConnection(self._engine, connection)
                self._session = self._sessions(bind=self._wrapped)
            else:
                self._session = self._sessions()
            self._session.info[MARKED] = self.marked
        return self._session

    async def driver(self) -> Any:
        """The driver's own connection (asyncpg's, aiomysql's, aiosqlite's), in this
        transaction."""
        if self._session is not None or not self._bare:
            self._held, driver = await held_driver(self.session)
            return driver
        if self._failed:
            raise StorageUnavailable("the database connection was lost in this transaction")
        if self._pooled is None:
            await self._check_out()
        assert self._pooled is not None
        return self._pooled.driver_connection

    def executing(self, cursor: Any, sql: str, arguments: Any) -> None:
        """Tells the engine's ``before_cursor_execute`` listeners of a statement run on the
        driver."""
        sync = self._held.sync_connection if self._session is not None and self._held else None
        if sync is not None:
            sync.dispatch.before_cursor_execute(sync, cursor, sql, arguments, None, False)
        elif self._engine is not None:
            self._engine.sync_engine.dispatch.before_cursor_execute(
                None, cursor, sql, arguments, None, False
            )

    async def invalidate(self) -> None:
        """The connection is unusable (lost, or left half-way through a reply): the pool
        drops it, and this transaction can only be rolled back."""
        if self._session is not None:
            if self._held is not None:
                await self._held.invalidate()
            return
        pooled, self._pooled = self._pooled, None
        if pooled is not None:
            self._failed = True
            await greenlet_spawn(pooled.invalidate)

    async def commit(self) -> None:
        """A commit with no transaction begun since the last one is skipped: it would
        write nothing."""
        try:
            if self._session is not None:
                if self._session.in_transaction():
                    await self._session.commit()
                await self._unwrap()
            elif self._failed:
                raise StorageUnavailable("the database connection was lost in this transaction")
            elif self._pooled is not None:
                await self._end(commit=True)
        finally:
            self._ended()

    async def rollback(self) -> None:
        try:
            if self._session is not None:
                await self._session.rollback()
                await self._unwrap()
            elif self._pooled is not None:
                await self._end(commit=False)
        finally:
            self._failed = False
            self._ended()

    async def close(self) -> None:
        """Rolls back a transaction still open and gives the connection back (a bare one
        is rolled back by the pool as it is checked in, as any returned connection is).
        Closes the session only if it holds anything: after a commit of Core statements,
        ``close`` (a greenlet run, its bookkeeping) would release nothing."""
        session, self._session = self._session, None
        try:
            if session is not None:
                try:
                    if session.in_transaction():
                        await session.rollback()
                finally:
                    if _holds_anything(session):
                        await session.close()
            elif self._pooled is not None:
                pooled, self._pooled = self._pooled, None
                await greenlet_spawn(pooled.close)
        finally:
            wrapped, self._wrapped, self._pooled, self._held = self._wrapped, None, None, None
            self._failed = False
            self._ended()
            if wrapped is not None:
                await wrapped.close()

    async def _check_out(self) -> None:
        assert self._engine is not None
        self._pooled = await greenlet_spawn(_checked_out, self._engine)

    async def _unwrap(self) -> None:
        """The session's transaction on the bare connection has ended: the connection goes
        back to the pool and the session checks out its own from now on."""
        wrapped, self._wrapped = self._wrapped, None
        if wrapped is not None:
            assert self._session is not None
            assert self._engine is not None
            self._session.bind = self._engine
            await wrapped.close()

    async def _end(self, *, commit: bool) -> None:
        """COMMIT or ROLLBACK on the driver, then the connection back to the pool."""
        pooled = self._pooled
        assert pooled is not None
        assert self._engine is not None
        adapted, driver = pooled.dbapi_connection, pooled.driver_connection
        try:
            if self._engine.dialect.driver == "asyncpg":
                await _end_asyncpg(adapted, commit)
            else:
                await (driver.commit() if commit else driver.rollback())  # type: ignore[union-attr]
        except Exception as error:
            closed = _closed(driver)
            await self.invalidate()
            if is_conflict(error):
                raise StorageConflict(f"a deadlock undid the transaction: {error}") from error
            if is_outage(error) or closed:
                raise StorageUnavailable(f"the database is unavailable: {error}") from error
            raise
        except BaseException:
            await self.invalidate()
            raise
        events = self._engine.sync_engine.dispatch
        (events.commit if commit else events.rollback)(None)
        self._pooled = None
        await greenlet_spawn(pooled.close)

    def _ended(self) -> None:
        self.generation += 1
        self.marked.clear()


def _bare_on(engine: AsyncEngine) -> bool:
    return engine.dialect.name != "sqlite" and checks_on_checkout(engine.sync_engine.pool)


def _checked_out(engine: AsyncEngine) -> PoolProxiedConnection:
    """A connection of the pool, checked as every checkout is (``checkout``); a server that
    cannot be reached is ``StorageUnavailable``, as ``Connection`` reports it."""
    try:
        return engine.sync_engine.raw_connection()
    except StorageUnavailable:
        raise
    except Exception as error:
        if is_outage(error):
            raise StorageUnavailable(f"the database is unavailable: {error}") from error
        raise


async def _end_asyncpg(adapted: Any, commit: bool) -> None:
    """SQLAlchemy's asyncpg adapter keeps the transaction it began (at checkout, see
    ``checkout``); it is ended here as the adapter's own ``commit`` would, without a
    greenlet run."""
    transaction, adapted._transaction = adapted._transaction, None
    if transaction is not None:
        await (transaction.commit() if commit else transaction.rollback())


def _closed(driver: Any) -> bool:
    """Whether the driver knows its connection is closed (asyncpg's ``is_closed()``,
    aiomysql's ``closed``), as the asyncpg dialect tells a disconnect."""
    is_closed = getattr(driver, "is_closed", None)
    return bool(is_closed()) if callable(is_closed) else bool(getattr(driver, "closed", False))


def _holds_anything(session: AsyncSession) -> bool:
    return bool(session.in_transaction() or session.identity_map or session.new or session.deleted)


class OnTransaction:
    """A repository an answer builds: it asks for the session only when it runs something
    on it, so building it leaves the transaction bare."""

    def __init__(self, transaction: Transaction) -> None:
        self._transaction = transaction

    @property
    def _session(self) -> AsyncSession:
        return self._transaction.session
