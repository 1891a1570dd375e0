"""Disposable benchmark databases: dropped, created again and migrated with Alembic.

The servers come from LEARNBOT_BENCH_POSTGRES_URL and LEARNBOT_BENCH_MYSQL_URL, else the
test suite's LEARNBOT_TEST_POSTGRES_URL and LEARNBOT_TEST_MYSQL_URL, else the local
PostgreSQL and MariaDB; the account must be allowed to create databases.
"""

import os
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from learnbot.migrate import alembic_config


def _server(kind: str, default: str) -> str:
    bench, test = f"LEARNBOT_BENCH_{kind}_URL", f"LEARNBOT_TEST_{kind}_URL"
    return os.environ.get(bench) or os.environ.get(test) or default


SERVERS = {
    "postgresql": _server("POSTGRES", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"),
    "mariadb": _server("MYSQL", "mysql+aiomysql://root@127.0.0.1:3306/test"),
}
BACKENDS = ("sqlite", "postgresql", "mariadb")


async def fresh_database(backend: str, name: str, sqlite_dir: Path) -> str:
    """The URL of an empty, migrated database ``name``; whatever had that name is gone."""
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{_empty_file(sqlite_dir / f'{name}.db')}"
    else:
        await drop_database(backend, name)
        await _admin(backend, f"CREATE DATABASE {name}")
        url = make_url(SERVERS[backend]).set(database=name).render_as_string(hide_password=False)
    await _migrate(url)
    return url


def _empty_file(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    for leftover in (path, path.with_suffix(".db-wal"), path.with_suffix(".db-shm")):
        leftover.unlink(missing_ok=True)
    return path


async def drop_database(backend: str, name: str) -> None:
    if backend == "sqlite":
        return
    force = " WITH (FORCE)" if backend == "postgresql" else ""
    await _admin(backend, f"DROP DATABASE IF EXISTS {name}{force}")


async def _admin(backend: str, statement: str) -> None:
    engine = create_async_engine(SERVERS[backend], poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(sa.text(statement))
    finally:
        await engine.dispose()


async def _migrate(url: str) -> None:
    engine = create_async_engine(url, poolclass=NullPool)

    def upgrade(connection: Connection) -> None:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")

    try:
        async with engine.begin() as connection:
            await connection.run_sync(upgrade)
    finally:
        await engine.dispose()
