"""The database itself refuses bad rows, whatever the code above it does."""

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.learners import TelegramProfile
from infrastructure.db.models import ActivityRow, table
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock
from tests.support.course import Course

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


async def learner_id(uow_factory: UowFactory, clock: FixedClock) -> int:
    async with uow_factory() as uow:
        learner = await uow.learners.add(TelegramProfile(42, "ada"), clock.now())
        await uow.commit()
    return learner.id


async def execute(engine: AsyncEngine, sql: str, **params: object) -> None:
    async with engine.begin() as connection:
        await connection.execute(sa.text(sql), params)


def progress_row(user: int, lesson: int, status: str) -> dict[str, object]:
    return {"u": user, "l": lesson, "s": status, "now": NOW.replace(tzinfo=None)}


INSERT_PROGRESS = (
    "INSERT INTO user_progress (user_id, lesson_id, status, attempts, take, created_at,"
    " updated_at) VALUES (:u, :l, :s, 0, 1, :now, :now)"
)


NEW_VALUES = [
    (INSERT_PROGRESS, {"s": "PAUSED"}, "user_progress", "status", "PAUSED"),
    (
        "INSERT INTO activity_log (user_id, activity_type, created_at) VALUES (:u, :v, :now)",
        {"v": "A_NEW_ACTIVITY_TYPE_OF_32_CHARS"},
        "activity_log",
        "activity_type",
        "A_NEW_ACTIVITY_TYPE_OF_32_CHARS",
    ),
    (
        "INSERT INTO achievements (slug, type, title, points, created_at, updated_at)"
        " VALUES ('x', 'GOLD_STAR', 'x', 0, :now, :now)",
        {},
        "achievements",
        "type",
        "GOLD_STAR",
    ),
    (
        'INSERT INTO challenges (lesson_id, slug, "order", kind, prompt, options, answers,'
        " points, created_at, updated_at)"
        " VALUES (:l, 'x', 1, 'essay', 'p', '[]', '[]', 1, :now, :now)",
        {},
        "challenges",
        "kind",
        "essay",
    ),
]


@pytest.mark.parametrize(
    ("sql", "params", "table_name", "column", "value"),
    NEW_VALUES,
    ids=["progress status", "activity type", "achievement type", "challenge kind"],
)
async def test_an_enum_column_takes_a_new_value_without_a_migration(
    engine: AsyncEngine,
    uow_factory: UowFactory,
    clock: FixedClock,
    course: Course,
    sql: str,
    params: dict[str, object],
    table_name: str,
    column: str,
    value: str,
) -> None:
    """Portable enums: a new kind or activity type is a code change, not a schema change."""
    user = await learner_id(uow_factory, clock)
    values = progress_row(user, course.first_lesson, "IN_PROGRESS") | params
    if engine.dialect.name == "mysql":
        sql = sql.replace('"order"', "`order`")

    await execute(engine, sql, **values)

    async with engine.connect() as connection:
        stored = await connection.scalars(sa.text(f"SELECT {column} FROM {table_name}"))
        assert value in set(stored)


async def test_the_application_refuses_a_value_its_enum_lacks(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock
) -> None:
    user = await learner_id(uow_factory, clock)
    insert = table(ActivityRow).insert().values(user_id=user, activity_type="NAP", created_at=NOW)

    with pytest.raises(StatementError, match="NAP"):
        async with engine.begin() as connection:
            await connection.execute(insert)


async def test_a_second_progress_row_for_the_same_lesson_is_rejected(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    user = await learner_id(uow_factory, clock)
    await execute(engine, INSERT_PROGRESS, **progress_row(user, course.first_lesson, "IN_PROGRESS"))

    with pytest.raises(IntegrityError):
        await execute(
            engine, INSERT_PROGRESS, **progress_row(user, course.first_lesson, "COMPLETED")
        )


async def test_a_duplicate_answer_is_rejected(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    user = await learner_id(uow_factory, clock)
    insert = (
        "INSERT INTO challenge_answers (user_id, challenge_id, take, attempt, is_correct, answer,"
        " answered_at) VALUES (:u, :c, 1, 1, :ok, '{}', :now)"
    )
    now = NOW.replace(tzinfo=None)
    await execute(engine, insert, u=user, c=course.single, ok=True, now=now)

    with pytest.raises(IntegrityError):
        await execute(engine, insert, u=user, c=course.single, ok=False, now=now)


async def test_a_second_award_of_the_same_achievement_is_rejected(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    user = await learner_id(uow_factory, clock)
    insert = (
        "INSERT INTO user_achievements (user_id, achievement_id, earned_at)"
        " SELECT :u, id, :now FROM achievements WHERE slug = 'solver'"
    )
    await execute(engine, insert, u=user, now=NOW.replace(tzinfo=None))

    with pytest.raises(IntegrityError):
        await execute(engine, insert, u=user, now=NOW.replace(tzinfo=None))
