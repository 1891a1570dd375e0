"""Scratch databases on the real servers: created for the run, dropped after it.

The servers come from LEARNBOT_TEST_POSTGRES_URL and LEARNBOT_TEST_MYSQL_URL (defaults:
the local PostgreSQL and MariaDB). A server that cannot be reached makes the tests that
need it fail, never skip.
"""

import os
import secrets
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from learnbot.migrate import alembic_config

SERVERS = {
    "postgresql": os.environ.get(
        "LEARNBOT_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
    ),
    "mariadb": os.environ.get(
        "LEARNBOT_TEST_MYSQL_URL", "mysql+aiomysql://root@127.0.0.1:3306/test"
    ),
}
BACKENDS = ["sqlite", "postgresql", "mariadb"]


class ScratchDatabases:
    """Creates uniquely named databases and drops every one of them at the end."""

    def __init__(self, sqlite_dir: Path) -> None:
        self._sqlite_dir = sqlite_dir
        self._created: list[tuple[str, str]] = []

    async def create(self, backend: str) -> URL:
        name = f"learnbot_test_{os.getpid()}_{secrets.token_hex(4)}"
        if backend == "sqlite":
            return make_url(f"sqlite+aiosqlite:///{self._sqlite_dir / name}.db")
        await self._admin(backend, f"CREATE DATABASE {name}")
        self._created.append((backend, name))
        return make_url(SERVERS[backend]).set(database=name)

    async def drop_all(self) -> None:
        for backend, name in self._created:
            force = " WITH (FORCE)" if backend == "postgresql" else ""
            await self._admin(backend, f"DROP DATABASE IF EXISTS {name}{force}")

    @staticmethod
    async def _admin(backend: str, statement: str) -> None:
        engine = create_async_engine(
            SERVERS[backend], poolclass=NullPool, isolation_level="AUTOCOMMIT"
        )
        try:
            async with engine.connect() as connection:
                await connection.execute(sa.text(statement))
        finally:
            await engine.dispose()


async def migrate(engine: AsyncEngine, revision: str = "head") -> None:
    """Run Alembic on the engine's own connection, the way tests and tools embed it."""
    await _alembic(engine, command.upgrade, revision)


async def downgrade(engine: AsyncEngine, revision: str) -> None:
    await _alembic(engine, command.downgrade, revision)


async def _alembic(engine: AsyncEngine, step: Callable[[Config, str], None], revision: str) -> None:
    def run(connection: Connection) -> None:
        config = alembic_config()
        config.attributes["connection"] = connection
        step(config, revision)

    async with engine.begin() as connection:
        await connection.run_sync(run)
