"""A unit of work's transaction on PostgreSQL and MariaDB starts on a bare pooled
connection and makes its session only when something asks for it
(``infrastructure.db.transaction``): what runs before and after the session is made is
one transaction on one connection, the connection goes back to the pool when the
transaction ends, and a lost connection is reported, never committed."""

from collections.abc import AsyncIterator
from dataclasses import astuple
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.errors import StorageUnavailable
from domain.learners import TelegramProfile
from infrastructure.db.engine import create_engine, create_session_factory
from infrastructure.db.models import UserRow
from infrastructure.db.repositories.catalogue_cache import CatalogueCache
from infrastructure.db.repositories.learners import to_learner
from infrastructure.db.uow import SqlUnitOfWork
from infrastructure.settings import Settings
from tests.integration.conftest import UowFactory
from tests.integration.test_outages import (  # noqa: F401 (its fixtures: server_url, pooled)
    backend_of,
    kill,
    pooled,
    server_url,
)
from tests.integration.test_unit_of_work import checked_out
from tests.support.clock import FixedClock
from tests.support.databases import migrate
from tests.support.statements import counted

PROFILE = TelegramProfile(telegram_id=2002, username="grace")


@pytest.fixture
async def server_engine(server_url: str) -> AsyncIterator[AsyncEngine]:  # noqa: F811
    """PostgreSQL's and MariaDB's (SQLite's unit of work starts with its session)."""
    engine = create_engine(Settings(database_url=server_url))
    await migrate(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
def uow_factory(server_engine: AsyncEngine) -> UowFactory:
    factory = create_session_factory(server_engine)
    catalogue = CatalogueCache()
    return lambda: SqlUnitOfWork(factory, catalogue)


async def own_id(uow: SqlUnitOfWork, url: str) -> int:
    """The server's id of the bare connection, asked on the driver itself."""
    driver = await uow.transaction.driver()
    if backend_of(url) == "postgresql":
        return int(await driver.fetchval("SELECT pg_backend_pid()"))
    async with driver.cursor() as cursor:
        await cursor.execute("SELECT CONNECTION_ID()")
        (found,) = await cursor.fetchone()
    return int(found)


async def test_the_answer_path_reads_without_a_session_and_is_seen_by_the_listeners(
    server_engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock
) -> None:
    async with uow_factory() as uow:
        await uow.learners.add(PROFILE, clock.now())
        await uow.commit()
    async with uow_factory() as uow:
        with counted(server_engine) as log:
            learner = await uow.learners.by_telegram_id(PROFILE.telegram_id)
        assert learner is not None
        assert uow.transaction.bare
        assert len(log) == 1
        assert checked_out(server_engine) == 1
        await uow.commit()
        assert checked_out(server_engine) == 0
    assert checked_out(server_engine) == 0


async def test_before_and_after_the_session_is_made_is_one_transaction_on_one_connection(
    server_engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock
) -> None:
    async with uow_factory() as uow:
        assert await uow.learners.by_telegram_id(PROFILE.telegram_id) is None
        assert uow.transaction.bare
        learner = await uow.learners.add(PROFILE, clock.now())
        assert not uow.transaction.bare
        assert checked_out(server_engine) == 1
        assert await uow.learners.get(learner.id) == learner
        await uow.rollback()
        assert checked_out(server_engine) == 0
        assert await uow.learners.by_telegram_id(PROFILE.telegram_id) is None
        await uow.learners.add(PROFILE, clock.now())
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.learners.by_telegram_id(PROFILE.telegram_id) is not None


async def test_a_bare_transaction_rolls_back_unless_committed(
    server_engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock
) -> None:
    async with uow_factory() as uow:
        learner = await uow.learners.add(PROFILE, clock.now())
        await uow.commit()
    async with uow_factory() as uow:
        await uow.learners.by_telegram_id(PROFILE.telegram_id)
        driver = await uow.transaction.driver()
        await _execute(driver, server_engine, f"DELETE FROM users WHERE id = {learner.id}")
        assert uow.transaction.bare
    async with uow_factory() as uow:
        assert await uow.learners.get(learner.id) == learner
        await _execute(
            await uow.transaction.driver(),
            server_engine,
            f"DELETE FROM users WHERE id = {learner.id}",
        )
        await uow.commit()
        assert uow.transaction.bare
    async with uow_factory() as uow:
        assert await uow.learners.get(learner.id) is None


async def test_a_bare_connection_lost_in_use_is_unavailable_never_committed_and_replaced(
    server_url: str,  # noqa: F811 (the fixture)
    server_engine: AsyncEngine,  # the schema, in server_url's database
    pooled: UowFactory,  # noqa: F811
) -> None:
    async with pooled() as uow:
        await kill(server_url, await own_id(uow, server_url))
        with pytest.raises(StorageUnavailable):
            await uow.learners.get(1)
        with pytest.raises(StorageUnavailable):
            await uow.commit()
    async with pooled() as uow:
        assert await uow.learners.get(1) is None
        assert uow.transaction.bare


async def _execute(driver: Any, engine: AsyncEngine, sql: str) -> None:
    if engine.dialect.driver == "asyncpg":
        await driver.execute(sql)
        return
    async with driver.cursor() as cursor:
        await cursor.execute(sql)


async def test_a_learner_read_on_the_driver_is_the_one_the_session_reads(
    uow_factory: UowFactory, clock: FixedClock
) -> None:
    """MariaDB's plain learner reads run as one-statement scripts, PostgreSQL's on asyncpg:
    the values and their types are those of SQLAlchemy's own read."""
    async with uow_factory() as uow:
        added = await uow.learners.add(PROFILE, clock.now())
        await uow.commit()
    async with uow_factory() as uow:
        on_the_driver = await uow.learners.get(added.id)
        assert uow.transaction.bare
        through_the_session = to_learner(await uow.session.get_one(UserRow, added.id))
    assert on_the_driver == through_the_session
    assert on_the_driver is not None
    assert [type(v) for v in astuple(on_the_driver)] == [
        type(v) for v in astuple(through_the_session)
    ]
