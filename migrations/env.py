"""Alembic environment: async engines, the models' metadata, the bot's own settings.

When a caller (the test suite, pytest-alembic) hands over a connection in
``config.attributes["connection"]`` it is used as is; otherwise an engine is built from
``DATABASE_URL`` the same way the bot builds it.
"""

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

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


async def run_async() -> None:
    engine = create_engine(Settings(), pooled=False)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run_sync)
    finally:
        await engine.dispose()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run_sync(connection)
    else:
        asyncio.run(run_async())


if context.is_offline_mode():
    run_offline()
else:
    run_online()
