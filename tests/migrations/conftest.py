"""pytest-alembic on every backend: each built-in test gets an empty scratch database."""

import pytest
from pytest_alembic.config import Config
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from learnbot.migrate import alembic_config as learnbot_alembic_config
from tests.support.databases import BACKENDS, ScratchDatabases


@pytest.fixture(params=BACKENDS)
async def empty_database(
    request: pytest.FixtureRequest, scratch_databases: ScratchDatabases
) -> URL:
    return await scratch_databases.create(request.param)


@pytest.fixture
def alembic_config() -> Config:
    return Config.from_raw_config(learnbot_alembic_config())


@pytest.fixture
def alembic_engine(empty_database: URL) -> AsyncEngine:
    """No pool: pytest-alembic drives the engine from event loops of its own."""
    return create_async_engine(empty_database, poolclass=NullPool)
