"""SQLite's calls run on the event loop's thread; a call that finds the database locked
waits on aiosqlite's thread instead.

aiosqlite hands every sqlite3 call to a thread of its own: a statement through SQLAlchemy
is four calls (cursor, execute, fetchall, close), and each is a queue put, a thread
wake-up, ``call_soon_threadsafe`` and an event-loop wake-up, with the GIL passed back and
forth. On the bot's two cores that was the largest single cost of a SQLite answer (the
queue put alone was a fifth of the process's own time in the profile). SQLite in process
does no I/O worth a thread: in WAL mode with ``synchronous = NORMAL`` a commit appends to
the WAL without an fsync, and reads come from the page cache. So ``InlineConnection`` is
aiosqlite's connection with its one hand-off point, ``_execute``, running the call inline.

**Locks.** The one thing SQLite waits for is another connection's lock: the admin CLI
publishing a pack while the bot runs, say. Waiting inline would stall every update for up
to the busy timeout, so an inline call runs with SQLite's busy timeout at zero and fails at
once with ``SQLITE_BUSY`` (the statement did not run, or a COMMIT did not end its
transaction: either may be run again). It is then run again on aiosqlite's thread with the
configured timeout, as every call was before, while the loop serves other updates. Calls
after it go to the thread too until it is back, so they keep their order on the one
connection (also when the caller that queued it was cancelled). The wait, and what SQLite
decides at its end (a lock granted, or ``database is locked`` after the timeout), is then
what it was with plain aiosqlite. Each such wait is logged (INFO): it tells why updates
slowed down while another process wrote.

**Costs left on the loop.** A WAL checkpoint (SQLite runs one on the commit that takes the
WAL past 1,000 pages) writes and fsyncs the database file inline: a few milliseconds now
and then, against four thread hand-offs saved on every statement.
"""

import asyncio
import logging
import sqlite3
from collections.abc import Callable
from contextlib import suppress
from functools import partial
from typing import Any

import aiosqlite

BUSY = sqlite3.SQLITE_BUSY
"""The primary result code; the extended ones (``SQLITE_BUSY_SNAPSHOT``...) share its byte."""
log = logging.getLogger(__name__)


class InlineConnection(aiosqlite.Connection):
    """aiosqlite's connection, each call run where it is awaited unless the database is
    locked (see the module's docstring)."""

    def __init__(self, connector: Callable[[], sqlite3.Connection], busy_timeout: float) -> None:
        super().__init__(connector, iter_chunk_size=64)
        self._thread.daemon = True
        self._busy_timeout_ms = round(busy_timeout * 1000)
        self._queued = 0

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """aiosqlite's one hand-off point; a closed connection raises aiosqlite's error."""
        if not self._running or self._connection is None:
            return await super()._execute(fn, *args, **kwargs)  # type: ignore[no-untyped-call]
        if self._queued:
            return await self._in_thread(partial(fn, *args, **kwargs))
        try:
            return fn(*args, **kwargs)
        except sqlite3.OperationalError as error:
            if getattr(error, "sqlite_errorcode", 0) & 0xFF != BUSY:
                raise
        log.info("SQLite is locked by another connection: waiting on the driver's thread")
        return await self._in_thread(partial(fn, *args, **kwargs))

    async def _in_thread(self, call: Callable[[], Any]) -> Any:
        """``call`` on aiosqlite's thread with the configured busy timeout, counted as queued
        until the thread has run it."""
        loop = asyncio.get_running_loop()

        def counted() -> Any:
            try:
                return self._waiting(call)
            finally:
                loop.call_soon_threadsafe(self._ran_queued)

        self._queued += 1
        return await super()._execute(counted)  # type: ignore[no-untyped-call]

    @property
    def calls_on_thread(self) -> int:
        """Calls handed to aiosqlite's thread that it has not yet run to the end."""
        return self._queued

    def _ran_queued(self) -> None:
        self._queued -= 1

    def _waiting(self, call: Callable[[], Any]) -> Any:
        """``call`` with the configured busy timeout (SQLite waits for the lock there), then
        the inline calls' zero set back."""
        connection = self._conn
        connection.execute(f"PRAGMA busy_timeout = {self._busy_timeout_ms}")
        try:
            return call()
        finally:
            with suppress(sqlite3.ProgrammingError):  # ``call`` closed the connection
                connection.execute("PRAGMA busy_timeout = 0")


def connect_inline(database: str, *, timeout: float = 5.0, **kwargs: Any) -> InlineConnection:
    """The aiosqlite dialect's ``async_creator_fn``: the dialect's connect arguments, with
    ``timeout`` the wait for another connection's lock (on the thread, see above). The
    sqlite3 connection is opened on aiosqlite's thread and used from the loop's as well."""
    inline = kwargs | {"timeout": 0, "check_same_thread": False}
    return InlineConnection(partial(sqlite3.connect, database, **inline), timeout)
