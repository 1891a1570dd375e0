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
from sqlalchemy.util import await_

from infrastructure.db.outage import translate_outages
from infrastructure.settings import Settings

MYSQL = {"mysql", "mariadb"}
MYSQL_INIT = (
    "SET sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
    "NO_ENGINE_SUBSTITUTION', time_zone = '+00:00'"
)


def create_engine(settings: Settings, *, pooled: bool = True) -> AsyncEngine:
    """Small pools, pre-ping and recycling, as a bot that sleeps between bursts needs."""
    url = make_url(settings.database_url)
    backend = url.get_backend_name()
    if backend in MYSQL:
        url = url.update_query_dict({"charset": "utf8mb4"})
    options = _pool_options(settings, backend, pooled) | _dialect_options(backend)
    engine = create_async_engine(url, echo=settings.db_echo, **options)
    translate_outages(engine)
    if backend == "postgresql" and pooled:
        sa.event.listen(engine.sync_engine.pool, "checkout", ping_in_one_round_trip)
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
        "pool_pre_ping": backend != "postgresql",
    }


def ping_in_one_round_trip(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """The pre-ping of PostgreSQL connections: SQLAlchemy's own wraps its ``;`` in BEGIN and
    ROLLBACK for PgBouncer's transaction mode, three round trips on every checkout, that
    is on every update. learnbot talks to PostgreSQL itself, so one ``;`` does; a dead
    connection is replaced as ``pool_pre_ping`` would (the pool retries the checkout)."""
    try:
        await_(dbapi_connection.driver_connection.fetchrow(";"))
    except Exception as error:
        raise sa.exc.DisconnectionError(str(error)) from error


def _dialect_options(backend: str) -> dict[str, Any]:
    if backend == "sqlite":
        return {"connect_args": {"timeout": 30}}
    if backend in MYSQL:
        return {"connect_args": {"init_command": MYSQL_INIT}, "isolation_level": "READ COMMITTED"}
    return {}


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Foreign keys (cascades) are off in SQLite unless asked for on every connection."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
