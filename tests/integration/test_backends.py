"""What each backend's session is set up to do: Unicode, strict SQL, UTC, foreign keys."""

from datetime import UTC, datetime, timedelta, timezone

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from domain.learners import TelegramProfile
from tests.integration.conftest import UowFactory


async def test_emoji_and_non_latin_text_round_trip(uow_factory: UowFactory) -> None:
    profile = TelegramProfile(3, "ünïcode", "Ада 🦄", "李 ✨", "uk")
    async with uow_factory() as uow:
        await uow.learners.add(profile, datetime.now(UTC))
        await uow.commit()

    async with uow_factory() as uow:
        learner = await uow.learners.by_telegram_id(3)
    assert learner is not None
    assert (learner.username, learner.first_name, learner.last_name) == (
        profile.username,
        profile.first_name,
        profile.last_name,
    )


async def test_timestamps_come_back_as_the_same_utc_instant(uow_factory: UowFactory) -> None:
    moment = datetime(2026, 6, 1, 23, 59, 59, 123456, tzinfo=timezone(timedelta(hours=3)))
    async with uow_factory() as uow:
        await uow.learners.add(TelegramProfile(4), moment)
        await uow.commit()

    async with uow_factory() as uow:
        learner = await uow.learners.by_telegram_id(4)
    assert learner is not None
    assert learner.first_contact_at == moment
    assert learner.first_contact_at.tzinfo == UTC


async def mysql_session(connection: AsyncConnection) -> None:
    collations = await connection.scalars(
        sa.text(
            "SELECT DISTINCT table_collation FROM information_schema.tables"
            " WHERE table_schema = DATABASE() AND table_name <> 'alembic_version'"
        )
    )
    assert set(collations) == {"utf8mb4_unicode_ci"}
    assert "STRICT_ALL_TABLES" in await connection.scalar(sa.text("SELECT @@SESSION.sql_mode"))
    isolation = await connection.scalar(sa.text("SELECT @@SESSION.tx_isolation"))
    assert isolation == "READ-COMMITTED"


async def postgresql_session(connection: AsyncConnection) -> None:
    assert await connection.scalar(sa.text("SHOW server_encoding")) == "UTF8"


async def sqlite_session(connection: AsyncConnection) -> None:
    assert await connection.scalar(sa.text("PRAGMA foreign_keys")) == 1
    assert await connection.scalar(sa.text("PRAGMA journal_mode")) == "wal"


SESSION_CHECKS = {
    "mysql": mysql_session,
    "postgresql": postgresql_session,
    "sqlite": sqlite_session,
}


async def test_each_backend_session_is_set_up_as_documented(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        await SESSION_CHECKS[engine.dialect.name](connection)
