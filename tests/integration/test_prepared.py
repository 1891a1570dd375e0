"""The answer path's statements run on asyncpg itself (``infrastructure.db.prepared``):
the same rows as through SQLAlchemy, and an outage reported and handled as SQLAlchemy's
own executions report it. The other backends take SQLAlchemy's path (the same checks
hold there)."""

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.errors import StorageUnavailable
from infrastructure.db.models import UserRow, table
from infrastructure.db.prepared import fetch_all
from infrastructure.db.uow import SqlUnitOfWork
from tests.integration.conftest import UowFactory
from tests.integration.test_outages import (  # noqa: F401 (its fixtures: server_url, pooled)
    connection_id,
    kill,
    pooled,
    server_url,
)
from tests.support.statements import counted

USERS = table(UserRow)
ONE = sa.select(sa.bindparam("key", type_=sa.BigInteger))
NOW = datetime(2026, 3, 4, 5, 6, 7, 890123, tzinfo=UTC)
BY_TELEGRAM_ID = sa.select(USERS.c.id, USERS.c.first_contact_at, USERS.c.is_active).where(
    USERS.c.telegram_id == sa.bindparam("key", type_=USERS.c.telegram_id.type)
)


async def add_learner(uow: SqlUnitOfWork, telegram_id: int) -> None:
    values = {"telegram_id": telegram_id, "first_contact_at": NOW, "last_contact_at": NOW}
    await uow.session.execute(
        sa.insert(USERS).values(values | {"created_at": NOW, "updated_at": NOW})
    )


async def test_the_rows_are_those_sqlalchemy_reads_and_the_statement_is_seen(
    engine: AsyncEngine, uow_factory: UowFactory
) -> None:
    async with uow_factory() as uow:
        await add_learner(uow, 42)
        through_sqlalchemy = (await uow.session.execute(BY_TELEGRAM_ID, {"key": 42})).all()
        with counted(engine) as log:
            on_the_driver = await fetch_all(uow.transaction, BY_TELEGRAM_ID, {"key": 42})
    assert on_the_driver == [tuple(row) for row in through_sqlalchemy]
    assert on_the_driver[0][1] == NOW
    assert len(log) == 1


async def test_a_connection_killed_in_use_is_unavailable_and_not_handed_out_again(
    server_url: str,  # noqa: F811 (the fixture)
    pooled: UowFactory,  # noqa: F811
) -> None:
    async with pooled() as uow:
        await kill(server_url, await connection_id(uow, server_url))
        with pytest.raises(StorageUnavailable):
            await fetch_all(uow.transaction, ONE, {"key": 42})
    async with pooled() as uow:
        assert await fetch_all(uow.transaction, ONE, {"key": 42}) == [(42,)]
