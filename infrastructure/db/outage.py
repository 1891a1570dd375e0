"""A database outage, told apart from every other failure and raised as StorageUnavailable;
a deadlock, raised as StorageConflict.

Drivers report a server that is down, shutting down or starting up in many ways: a refused
socket, asyncpg's "connection is closed", SQLSTATE 08xxx and 57P0x, MySQL 2003 or 1053.
Callers need only one: the domain's ``StorageUnavailable``, which the bot turns into "try
again" and the scheduler into a skipped tick. Each such error also counts as a disconnect,
so the pool drops the connection instead of handing it out again. A deadlock victim's
transaction was rolled back whole, so the bot may run its update again.
"""

import asyncio
import logging
import sys
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect, ExceptionContext
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from domain.errors import StorageConflict, StorageUnavailable
from infrastructure.db.held import held_connection

POSTGRES_OUTAGE_STATES = ("08", "57P01", "57P02", "57P03")
"""Connection exceptions; admin shutdown, crash shutdown, cannot connect now."""
MYSQL_OUTAGE_CODES = frozenset({1053, 1927, 2002, 2003, 2006, 2013, 2055, 4031})
"""Server shutdown, connection killed, cannot connect, gone away, lost, timed out."""
CONFLICT_STATES = ("40001", "40P01")
"""PostgreSQL: serialization failure, deadlock detected."""
MYSQL_DEADLOCK = 1213
CONNECT_DELAYS = (0.1, 0.2, 0.4, 0.8)
"""Five tries within 1.5 s: a server that is restarting is often back by then."""
log = logging.getLogger(__name__)


def is_outage(error: BaseException) -> bool:
    """True when ``error`` says the server cannot be reached, not that a statement is wrong."""
    if isinstance(error, sa.exc.DBAPIError):
        return error.connection_invalidated or (error.orig is not None and is_outage(error.orig))
    if isinstance(error, OSError | TimeoutError) or _asyncpg_protocol_broken(error):
        return True
    state = getattr(error, "sqlstate", None)
    if isinstance(state, str):
        return state.startswith(POSTGRES_OUTAGE_STATES)
    code = error.args[0] if error.args else None
    return isinstance(code, int) and code in MYSQL_OUTAGE_CODES


def _asyncpg_protocol_broken(error: BaseException) -> bool:
    """asyncpg's ``InternalClientError`` ("cannot switch to state 15; another operation (2)
    is in progress"): the server's goodbye (a FATAL message, a shutdown) arrived between two
    statements and the driver was still consuming it, the end of the stream not yet seen,
    when the next one was sent. learnbot never shares a connection between two tasks, so
    the protocol is confused only by a connection that is going away. Looked up, not
    imported: a bot on MySQL never loads asyncpg. SQLAlchemy's asyncpg adapter raises its
    own ``InternalClientError`` from asyncpg's, so the cause is looked at too."""
    asyncpg = sys.modules.get("asyncpg")
    if asyncpg is None:
        return False
    broken = asyncpg.exceptions.InternalClientError
    return isinstance(error, broken) or isinstance(error.__cause__, broken)


def translate_outages(engine: AsyncEngine) -> None:
    """Connecting and executing raise StorageUnavailable during an outage; pre-ping is left
    alone (it must see the raw error to replace a dead pooled connection)."""
    sa.event.listen(engine.sync_engine, "handle_error", _on_error)
    sa.event.listen(engine.sync_engine, "do_connect", _connect)


def is_conflict(error: BaseException | None) -> bool:
    """True for a deadlock victim: the database rolled its whole transaction back."""
    state = getattr(error, "sqlstate", None)
    code = error.args[0] if error is not None and error.args else None
    return state in CONFLICT_STATES or code == MYSQL_DEADLOCK


def _on_error(context: ExceptionContext) -> BaseException | None:
    if is_conflict(context.original_exception):
        return StorageConflict(f"a deadlock undid the transaction: {context.original_exception}")
    if not (context.is_disconnect or is_outage(context.original_exception)):
        return None
    context.is_disconnect = True
    if context.is_pre_ping:
        return None
    return StorageUnavailable(f"the database is unavailable: {context.original_exception}")


def _connect(dialect: Dialect, _record: Any, cargs: Any, cparams: dict[str, Any]) -> Any:
    """A server that refuses or drops the connection is an outage; bad credentials, say,
    stay the driver's own error."""
    try:
        return dialect.connect(*cargs, **cparams)
    except Exception as error:
        if not is_outage(error):
            raise
        raise StorageUnavailable(f"the database is unavailable: {error}") from error


async def connect_patiently(
    session: AsyncSession, delays: Sequence[float] = CONNECT_DELAYS
) -> None:
    """Begin the session's transaction, retrying while the database is unreachable.

    Retrying here is always safe: nothing has been sent to the database yet. Once a
    statement has run, an outage is the caller's to report, never retried blindly.
    """
    for delay in delays:
        try:
            await held_connection(session)
            return
        except StorageUnavailable:
            await session.rollback()
            log.info("database unavailable; trying again in %.1f s", delay)
            await asyncio.sleep(delay)
    await held_connection(session)
