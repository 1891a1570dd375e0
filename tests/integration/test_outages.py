"""Outages as the adapters see them: StorageUnavailable, bounded tries, no dead connection
handed out twice. Connections are killed from a second session, never the server itself
(the shared test servers must stay up; tests/e2e/test_database_restart.py stops its own)."""

import logging
from collections.abc import AsyncIterator

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from domain.errors import StorageUnavailable
from infrastructure.clock import SystemClock
from infrastructure.db.engine import create_engine, create_session_factory
from infrastructure.db.outage import CONNECT_DELAYS, is_outage
from infrastructure.db.repositories.catalogue_cache import CatalogueCache
from infrastructure.db.uow import SqlUnitOfWork
from infrastructure.observability import Metrics
from infrastructure.scheduler.jobs import refresh_leaderboard
from infrastructure.scheduler.outages import survives_outages
from infrastructure.settings import Settings
from tests.integration.conftest import UowFactory
from tests.support.databases import ScratchDatabases
from tests.support.ports import free_port

OWN_ID = {"postgresql": "SELECT pg_backend_pid()", "mariadb": "SELECT CONNECTION_ID()"}
KILL = {"postgresql": "SELECT pg_terminate_backend({})", "mariadb": "KILL {}"}
SERVER_BACKENDS = ["postgresql", "mariadb"]


def one_connection(url: str) -> AsyncEngine:
    return create_engine(Settings(database_url=url, db_pool_size=1, db_max_overflow=0))


def backend_of(url: str) -> str:
    return "postgresql" if make_url(url).get_backend_name() == "postgresql" else "mariadb"


async def kill(url: str, connection_id: int) -> None:
    admin = create_async_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.execute(sa.text(KILL[backend_of(url)].format(connection_id)))
    finally:
        await admin.dispose()


@pytest.fixture(params=SERVER_BACKENDS)
async def server_url(request: pytest.FixtureRequest, scratch_databases: ScratchDatabases) -> str:
    url = await scratch_databases.create(request.param)
    return url.render_as_string(hide_password=False)


@pytest.fixture
async def nobody(server_url: str) -> AsyncIterator[UowFactory]:
    """Units of work on a port where no server listens: what a stopped database looks like."""
    engine = one_connection(make_url(server_url).set(port=free_port()).render_as_string(False))
    factory = create_session_factory(engine)
    yield lambda: SqlUnitOfWork(factory, CatalogueCache())
    await engine.dispose()


async def test_a_server_nobody_answers_on_is_unavailable_after_a_few_tries(
    nobody: UowFactory, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO), pytest.raises(StorageUnavailable):
        async with nobody():
            pass
    assert caplog.text.count("database unavailable; trying again") == len(CONNECT_DELAYS)


async def test_a_scheduled_refresh_during_an_outage_is_skipped_with_one_line(
    nobody: UowFactory, caplog: pytest.LogCaptureFixture
) -> None:
    job = survives_outages(refresh_leaderboard)

    assert await job(nobody, SystemClock(), "UTC", Metrics()) is None
    assert "refresh_leaderboard skipped, the next tick tries again" in caplog.text


@pytest.fixture
async def pooled(server_url: str) -> AsyncIterator[UowFactory]:
    """Units of work sharing a pool of one connection, so the next one reuses it."""
    engine = one_connection(server_url)
    factory = create_session_factory(engine)
    yield lambda: SqlUnitOfWork(factory, CatalogueCache())
    await engine.dispose()


async def connection_id(uow: SqlUnitOfWork, url: str) -> int:
    return int(await uow.session.scalar(sa.text(OWN_ID[backend_of(url)])))


async def test_a_connection_killed_in_use_fails_once_and_is_not_handed_out_again(
    server_url: str, pooled: UowFactory
) -> None:
    async with pooled() as uow:
        await kill(server_url, await connection_id(uow, server_url))
        with pytest.raises(StorageUnavailable):
            await uow.session.execute(sa.text("SELECT 1"))
    async with pooled() as uow:
        assert await uow.session.scalar(sa.text("SELECT 1")) == 1


async def test_a_pooled_connection_killed_while_idle_is_replaced_before_use(
    server_url: str, pooled: UowFactory
) -> None:
    """What a database restart leaves in the pool; pool_pre_ping finds it at checkout."""
    async with pooled() as uow:
        first = await connection_id(uow, server_url)
    await kill(server_url, first)
    async with pooled() as uow:
        assert await connection_id(uow, server_url) != first


def test_asyncpg_confused_by_a_server_saying_goodbye_is_an_outage() -> None:
    """A shutdown's FATAL message can arrive between two statements: asyncpg is still
    consuming it when the next one (a COMMIT, say) is sent, and refuses with its own
    protocol error before it has seen the end of the stream (seen in
    tests/e2e/test_database_restart.py). Any other error stays the caller's."""
    import asyncpg

    confused = asyncpg.exceptions.InternalClientError(
        "cannot switch to state 15; another operation (2) is in progress"
    )
    assert is_outage(confused)
    adapted = RuntimeError("as SQLAlchemy's adapter raises it")
    adapted.__cause__ = confused
    assert is_outage(adapted)
    assert not is_outage(asyncpg.exceptions.InterfaceError("the server expects 2 arguments"))
    assert not is_outage(ValueError("a bug"))
