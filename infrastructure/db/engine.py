"""The engine and session factory: built once per process at the composition root."""

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import NullPool

from infrastructure.db.checkout import check_on_checkout, reset_when_in_transaction
from infrastructure.db.outage import translate_outages
from infrastructure.settings import Settings

MYSQL = {"mysql", "mariadb"}
SQLITE_LOCK_WAIT = 30.0
"""Seconds a SQLite statement waits for another connection's write lock."""
MYSQL_INIT = (
    "SET sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
    "NO_ENGINE_SUBSTITUTION', time_zone = '+00:00', group_concat_max_len = 67108864"
)
"""Each connection's mode: strict, UTC, and room for a learner's facts read as one JSON
array (``mysql_rows.Packed``: ``JSON_ARRAYAGG`` is cut at ``group_concat_max_len``, 1 MB
by default)."""


def create_engine(settings: Settings, *, pooled: bool = True) -> AsyncEngine:
    """Small pools, checked connections and recycling, as a bot that sleeps between bursts
    needs. The pool is last in, first out: under a trickle of updates one connection stays
    warm (and unpinged) while the others rest, instead of every connection resting a bit."""
    url = make_url(settings.database_url)
    backend = url.get_backend_name()
    if backend in MYSQL:
        from pymysql.constants import CLIENT  # with a MySQL URL only: memory is tight

        url = url.update_query_dict(
            {"charset": "utf8mb4", "client_flag": str(CLIENT.MULTI_STATEMENTS)}
        )
    options = _pool_options(settings, backend, pooled) | _dialect_options(backend)
    engine = create_async_engine(url, echo=settings.db_echo, **options)
    translate_outages(engine)
    if backend != "sqlite" and pooled:
        check_on_checkout(engine.sync_engine.pool, backend)
    if backend in MYSQL and pooled:
        reset_when_in_transaction(engine.sync_engine.pool)
    if backend == "sqlite":
        sa.event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def _pool_options(settings: Settings, backend: str, pooled: bool) -> dict[str, Any]:
    """SQLite gets one connection: concurrent updates queue for it instead of failing with
    "database is locked" when two write transactions overlap."""
    if not pooled:
        return {"poolclass": NullPool}
    if backend == "sqlite":
        return {"pool_size": 1, "max_overflow": 0}
    return {
        "pool_size": settings.db_pool_size,
        "max_overflow": settings.db_max_overflow,
        "pool_recycle": settings.db_pool_recycle,
        "pool_use_lifo": True,
        "pool_reset_on_return": None if backend in MYSQL else "rollback",
    }


def _dialect_options(backend: str) -> dict[str, Any]:
    """SQLite's calls run on the event loop's thread, and wait up to 30 s for another
    connection's lock on aiosqlite's (``sqlite_inline``)."""
    if backend == "sqlite":
        from infrastructure.db.sqlite_inline import connect_inline  # with a SQLite URL only

        return {"connect_args": {"timeout": SQLITE_LOCK_WAIT, "async_creator_fn": connect_inline}}
    if backend in MYSQL:
        return {"connect_args": {"init_command": MYSQL_INIT}, "isolation_level": "READ COMMITTED"}
    return {}


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Foreign keys (cascades) are off in SQLite unless asked for on every connection. The
    busy timeout is the connection's own (``sqlite_inline``): zero inline, 30 s on its thread."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
