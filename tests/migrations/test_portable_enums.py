"""Migration 0014 turns native enums into VARCHARs and back, and the rows keep their values."""

from collections.abc import AsyncIterator
from datetime import datetime

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from tests.support.databases import downgrade, migrate

NOW = datetime(2026, 3, 2, 9, 30)
ROWS = (
    "INSERT INTO users (id, telegram_id, first_contact_at, last_contact_at, created_at,"
    " updated_at) VALUES (1, 42, :now, :now, :now, :now)",
    "INSERT INTO activity_log (user_id, activity_type, created_at)"
    " VALUES (1, 'REVIEW_ANSWERED', :now)",
    "INSERT INTO achievements (slug, type, title, points, created_at, updated_at)"
    " VALUES ('x', 'STREAK', 'x', 0, :now, :now)",
)
STORED = "SELECT a.activity_type, b.type FROM activity_log a, achievements b"


@pytest.fixture
async def engine(empty_database: URL) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(empty_database, poolclass=NullPool)
    try:
        yield engine
    finally:
        await engine.dispose()


async def stored(engine: AsyncEngine) -> list[tuple[str, str]]:
    async with engine.connect() as connection:
        return [
            (str(kind), str(type_)) for kind, type_ in await connection.execute(sa.text(STORED))
        ]


async def test_enum_values_survive_the_change_both_ways(engine: AsyncEngine) -> None:
    await migrate(engine, "0013")
    async with engine.begin() as connection:
        for insert in ROWS:
            await connection.execute(sa.text(insert), {"now": NOW})

    await migrate(engine, "0014")
    assert await stored(engine) == [("REVIEW_ANSWERED", "STREAK")]

    await downgrade(engine, "0013")
    assert await stored(engine) == [("REVIEW_ANSWERED", "STREAK")]
