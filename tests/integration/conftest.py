"""Every integration test runs once per backend on a migrated scratch database.

The schema is built by the real migrations once per backend and session; each test
starts from empty tables and leaves them empty.
"""

from collections.abc import AsyncIterator, Callable

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from infrastructure.db.engine import create_engine, create_session_factory
from infrastructure.db.models import Base
from infrastructure.db.repositories.catalogue_cache import CatalogueCache
from infrastructure.db.uow import SqlUnitOfWork
from infrastructure.settings import Settings
from tests.support.clock import FixedClock
from tests.support.course import Course, seed_course
from tests.support.databases import BACKENDS, ScratchDatabases, migrate

UowFactory = Callable[[], SqlUnitOfWork]


@pytest.fixture(scope="session", params=BACKENDS)
async def engine(
    request: pytest.FixtureRequest, scratch_databases: ScratchDatabases
) -> AsyncIterator[AsyncEngine]:
    url = await scratch_databases.create(request.param)
    engine = create_engine(Settings(database_url=url.render_as_string(hide_password=False)))
    await migrate(engine)
    try:
        yield engine
    finally:
        await engine.dispose()


@pytest.fixture
async def uow_factory(engine: AsyncEngine) -> AsyncIterator[UowFactory]:
    session_factory = create_session_factory(engine)
    try:
        catalogue = CatalogueCache()
        yield lambda: SqlUnitOfWork(session_factory, catalogue)
    finally:
        async with engine.begin() as connection:
            for table in reversed(Base.metadata.sorted_tables):
                await connection.execute(table.delete())


@pytest.fixture
async def course(engine: AsyncEngine, uow_factory: UowFactory) -> Course:
    return await seed_course(engine)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()
