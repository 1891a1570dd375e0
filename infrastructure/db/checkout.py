"""How a pooled connection is checked before an update uses it.

``pool_pre_ping`` pings on every checkout, that is once per update: a round trip (three on
asyncpg, where SQLAlchemy wraps its ``;`` in BEGIN and ROLLBACK) for connections that were
in use a few milliseconds ago. learnbot checks in two steps instead:

- **always, without a round trip:** a server that closes a connection (a restart, a
  shutdown, ``pg_terminate_backend``, ``KILL``) sends it a last error and the end of the
  stream. An idle connection is otherwise sent nothing, so a pooled connection whose
  driver has seen the end, or whose socket has unread input (a zero-timeout ``select``),
  is replaced without a word sent;
- **after a rest of more than** ``PING_AFTER_IDLE`` **seconds:** one ping (COM_PING on
  MySQL), for what closes silently (a NAT or firewall dropping an idle connection, a
  server that vanished without a FIN);
- **on PostgreSQL, every checkout:** the transaction's BEGIN, sent at checkout instead of
  with the first statement. asyncpg starts every transaction with a BEGIN round trip of
  its own, so sending it early checks the connection for free: a separate ping would be
  one round trip more per update. The first statement then finds the transaction open.

A connection that fails either check is replaced as ``pool_pre_ping`` would replace it:
``DisconnectionError`` makes the pool discard it and check out another.
"""

import select
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import Pool
from sqlalchemy.util import await_

PING_AFTER_IDLE = 2.0
RESTED_SINCE = "learnbot.rested_since"
PINGED = "learnbot.pinged"
BEGUN = "learnbot.begun"
ROLLED_BACK = "learnbot.rolled_back"
"""``record.info`` keys: when the connection was last returned (or made); whether its last
checkout sent a ping; whether it sent BEGIN (true until that transaction is begun by
SQLAlchemy); whether its last return sent a ROLLBACK (the benchmark counts round trips with
them)."""


def check_on_checkout(pool: Pool, backend: str) -> None:
    sa.event.listen(pool, "connect", _rested)
    sa.event.listen(pool, "checkin", _rested)
    sa.event.listen(pool, "checkout", _check_postgresql if backend == "postgresql" else _check)


def checks_on_checkout(pool: Pool) -> bool:
    """Whether ``check_on_checkout`` set the pool up (on PostgreSQL: BEGIN at checkout)."""
    return any(sa.event.contains(pool, "checkout", check) for check in (_check_postgresql, _check))


def reset_when_in_transaction(pool: Pool) -> None:
    """For a pool made with ``reset_on_return=None`` (MySQL): a returned connection is
    rolled back only if the server says a transaction is open. SQLAlchemy's own reset
    sends ROLLBACK whenever the ``Connection`` did not end the transaction itself, which
    after a unit of work's COMMIT is every time: a round trip per update for nothing."""
    sa.event.listen(pool, "reset", _reset)


def _reset(dbapi_connection: Any, record: Any, state: Any) -> None:
    rolls_back = state.asyncio_safe and not state.transaction_was_reset
    rolls_back = rolls_back and dbapi_connection.driver_connection.get_transaction_status()
    if record is not None:
        record.info[ROLLED_BACK] = rolls_back
    if rolls_back:
        dbapi_connection.rollback()


def _rested(_dbapi_connection: Any, record: Any) -> None:
    if record is not None:
        record.info[RESTED_SINCE] = time.monotonic()


def _check_postgresql(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    """BEGIN as the check: asyncpg reads a server's goodbye (a FATAL message) as soon as it
    arrives but shows nothing of it until the end of the stream follows, which can take
    milliseconds, so every checkout needs a round trip to be sure, and BEGIN is one the
    update pays anyway. A connection in autocommit mode (none of learnbot's) is pinged."""
    if dbapi_connection.autocommit or dbapi_connection._transaction is not None:
        _check_with(dbapi_connection, record, _ping_postgresql, 0.0)
        return
    _refuse_if_closed(dbapi_connection.driver_connection)
    record.info[PINGED] = False
    _checked(_begin, dbapi_connection)
    record.info[BEGUN] = True


def _check(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    _check_with(dbapi_connection, record, _ping, PING_AFTER_IDLE)


def _check_with(dbapi_connection: Any, record: Any, ping: Any, trusted_for: float) -> None:
    _refuse_if_closed(dbapi_connection.driver_connection)
    rested = time.monotonic() - record.info.get(RESTED_SINCE, 0.0)
    record.info[PINGED] = rested > trusted_for
    record.info[BEGUN] = False
    if record.info[PINGED]:
        _checked(ping, dbapi_connection)


def _refuse_if_closed(driver: Any) -> None:
    if _closed_by_server(driver):
        raise sa.exc.DisconnectionError("the server closed the connection while it was pooled")


def _checked(step: Any, dbapi_connection: Any) -> None:
    try:
        step(dbapi_connection)
    except Exception as error:
        raise sa.exc.DisconnectionError(str(error)) from error


def _closed_by_server(driver: Any) -> bool:
    """asyncpg says so itself; aiomysql's stream reader has seen the end of the stream or
    holds bytes nobody asked for; or something waits on the socket unread."""
    if hasattr(driver, "is_closed"):
        transport = getattr(driver, "_transport", None)
        return bool(driver.is_closed()) or _unread_input(transport)
    reader, writer = getattr(driver, "_reader", None), getattr(driver, "_writer", None)
    if reader is None or writer is None or reader.at_eof() or getattr(reader, "_buffer", b""):
        return True
    return _unread_input(writer.transport)


def _unread_input(transport: Any) -> bool:
    sock = transport.get_extra_info("socket") if transport is not None else None
    if sock is None:
        return False
    readable, _, _ = select.select([sock], [], [], 0)
    return bool(readable)


def _ping_postgresql(dbapi_connection: Any) -> None:
    """One ``;``: SQLAlchemy's asyncpg ping wraps it in BEGIN and ROLLBACK (for PgBouncer's
    transaction mode), three round trips; learnbot talks to PostgreSQL itself."""
    await_(dbapi_connection.driver_connection.fetchrow(";"))


def _begin(dbapi_connection: Any) -> None:
    """SQLAlchemy's asyncpg adapter sends BEGIN before the first statement unless its
    transaction is already started; this starts it (as the engine's isolation level says)."""
    await_(dbapi_connection._start_transaction())


def _ping(dbapi_connection: Any) -> None:
    dbapi_connection.ping(False)
