"""What learners own, read whole, compared, and written back after a failed example."""

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.enums import ActivityType
from infrastructure.db.models import Base

OWNED = (
    "user_progress",
    "challenge_answers",
    "activity_log",
    "user_achievements",
    "study_days",
    "learner_totals",
    "leaderboard_cache",
    "review_cards",
    "review_log",
    "review_waits",
)
"""What a learner's actions write, besides their own ``users`` row (profile, last
contact, settings) and the update journal."""
Snapshot = dict[str, list[tuple[Any, ...]]]


def owned_tables() -> list[sa.Table]:
    """In dependency order: children after their parents."""
    return [table for table in Base.metadata.sorted_tables if table.name in OWNED]


async def snapshot(engine: AsyncEngine) -> Snapshot:
    async with engine.connect() as connection:
        return {
            table.name: sorted(map(tuple, await connection.execute(sa.select(table))), key=repr)
            for table in owned_tables()
        }


async def restore(engine: AsyncEngine, before: Snapshot) -> None:
    async with engine.begin() as connection:
        for table in reversed(owned_tables()):
            await connection.execute(table.delete())
        for table in owned_tables():
            rows = [dict(zip(table.c.keys(), row, strict=True)) for row in before[table.name]]
            if rows:
                await connection.execute(table.insert(), rows)


def without_logins(snapshot: Snapshot) -> tuple[Snapshot, int]:
    """The snapshot without LOGIN activity, which /start logs by design, and its count."""
    kind = next(table.c.keys() for table in owned_tables() if table.name == "activity_log")
    position = kind.index("activity_type")
    rest = [row for row in snapshot["activity_log"] if row[position] != ActivityType.LOGIN]
    logins = len(snapshot["activity_log"]) - len(rest)
    return snapshot | {"activity_log": rest}, logins
