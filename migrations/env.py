"""Alembic environment: async engines, the models' metadata, the bot's own settings.

When a caller hands over a connection or an async engine in
``config.attributes["connection"]`` (the test suite and pytest-alembic do) it is used;
otherwise an engine is built from ``DATABASE_URL`` the same way the bot builds it.
"""

import asyncio

from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from infrastructure.db.engine import create_engine
from infrastructure.db.models import Base
from infrastructure.settings import Settings

config = context.config
target_metadata = Base.metadata


def _configure(connection: Connection | None = None, url: str | None = None) -> None:
    context.configure(
        connection=connection,
        url=url,
        target_metadata=target_metadata,
        compare_type=True,
        render_as_batch=(url is not None and url.startswith("sqlite"))
        or (connection is not None and connection.dialect.name == "sqlite"),
        literal_binds=connection is None,
    )


def run_offline() -> None:
    _configure(url=Settings().database_url)
    with context.begin_transaction():
        context.run_migrations()


def _run_sync(connection: Connection) -> None:
    _configure(connection)
    with context.begin_transaction():
        context.run_migrations()


async def run_async(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        await connection.run_sync(_run_sync)
        await connection.commit()


async def run_own_engine() -> None:
    engine = create_engine(Settings(), pooled=False)
    try:
        await run_async(engine)
    finally:
        await engine.dispose()


def run_online() -> None:
    given = config.attributes.get("connection")
    if isinstance(given, Connection):
        _run_sync(given)
    elif isinstance(given, AsyncEngine):
        asyncio.run(run_async(given))
    else:
        asyncio.run(run_own_engine())


if context.is_offline_mode():
    run_offline()
else:
    run_online()
