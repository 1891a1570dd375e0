"""The pack's course-wide settings, one JSON row by name (``progression``)."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.content import CourseSettings
from infrastructure.db.models import CourseSettingRow, table

PROGRESSION = "progression"
SETTINGS = table(CourseSettingRow)


async def read_settings(session: AsyncSession) -> CourseSettings:
    statement = sa.select(SETTINGS.c.value).where(SETTINGS.c.name == PROGRESSION)
    return CourseSettings.from_json(await session.scalar(statement))


async def write_settings(session: AsyncSession, settings: CourseSettings, now: datetime) -> None:
    """Replaced whole: a publish runs in one transaction, so nobody sees it missing."""
    await session.execute(sa.delete(SETTINGS).where(SETTINGS.c.name == PROGRESSION))
    row = {"name": PROGRESSION, "value": settings.to_json(), "updated_at": now}
    await session.execute(sa.insert(SETTINGS).values(row))
