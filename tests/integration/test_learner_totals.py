"""learner_totals stays right through the adapters' writes: the board after each kind of
change matches the independent computation of test_board_refresh."""

from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.content import AchievementSpec
from domain.enums import AchievementType
from domain.progress import Progress
from infrastructure.db.models import AchievementRow, LearnerTotalsRow
from tests.integration.conftest import UowFactory
from tests.integration.test_board_refresh import (
    TOKYO_WEEK,
    World,
    achievement_points,
    build_world,
    cached,
    refresh,
    set_flags,
)
from tests.support.clock import FixedClock
from tests.support.course import Course


async def complete(
    uow_factory: UowFactory, world: World, user: int, lesson: int, score: int, clock: FixedClock
) -> None:
    """A take completed the way ProgressService does it: read the row, save it completed."""
    now = clock.now()
    async with uow_factory() as uow:
        await uow.progress.add(Progress.begin(user, lesson, now))
        progress = await uow.progress.get(user, lesson, lock=True)
        assert progress is not None
        await uow.progress.save(progress.retaken() if progress.is_completed else progress)
        await uow.progress.save(progress.completed(score, now))
        await uow.commit()
    old_score, first_at = world.lessons.get((user, lesson), (None, now))
    world.lessons[user, lesson] = (max(old_score or 0, score), first_at)


async def award(
    uow_factory: UowFactory, world: World, user: int, slug: str, clock: FixedClock
) -> None:
    async with uow_factory() as uow:
        query = sa.select(AchievementRow.id).where(AchievementRow.slug == slug)
        achievement = await uow.session.scalar(query)
        assert achievement is not None
        assert await uow.achievements.award(user, achievement, clock.now())
        await uow.commit()
    world.earned[user, slug] = clock.now()


async def versions(engine: AsyncEngine) -> dict[int, int]:
    async with engine.connect() as connection:
        rows = await connection.execute(
            sa.select(LearnerTotalsRow.user_id, LearnerTotalsRow.version)
        )
        return dict(rows.all())


async def test_completions_retakes_and_awards_keep_the_totals(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    world = await build_world(engine, course, seed=11)
    points = await achievement_points(engine)
    await refresh(uow_factory, clock)
    active = [user for user in world.users if user not in world.inactive]
    retaker, (_, retaken) = next(
        (user, key) for key in world.lessons for user in active if key[0] == user
    )
    unearned = next(s for s in points if (active[1], s) not in world.earned)

    await complete(uow_factory, world, active[0], course.unpublished_lesson, 15, clock)
    await complete(uow_factory, world, retaker, retaken, 99, clock)
    await award(uow_factory, world, active[1], unearned, clock)
    clock.advance(minutes=1)
    await refresh(uow_factory, clock)

    board, _ = await cached(engine)
    assert board == world.expected(points)
    assert board[active[0]][5] >= 15, "a lesson completed this week counts for the week"


async def test_a_retake_that_does_not_better_the_score_leaves_the_totals_alone(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    world = await build_world(engine, course, seed=12)
    await refresh(uow_factory, clock)
    before = await versions(engine)
    user, lesson = next(key for key, (score, _) in world.lessons.items() if score == 20)

    await complete(uow_factory, world, user, lesson, 5, clock)

    assert await versions(engine) == before
    await complete(uow_factory, world, user, lesson, 25, clock)
    assert (await versions(engine))[user] == before[user] + 1


async def test_republished_points_deactivation_and_a_new_week_keep_the_board_right(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    world = await build_world(engine, course, seed=13)
    points = await achievement_points(engine)
    await refresh(uow_factory, clock)
    spec = AchievementSpec("first-lesson", AchievementType.LESSON_COMPLETED, "First", points=50)
    async with uow_factory() as uow:
        await uow.content.save_achievement(spec, clock.now())
        await uow.commit()
    points["first-lesson"] = 50
    leaver = next(user for user in world.users if user not in world.inactive)
    world.inactive.add(leaver)
    await set_flags(engine, {leaver}, is_active=False)

    await refresh(uow_factory, clock)
    assert (await cached(engine))[0] == world.expected(points)

    clock.advance(days=7)
    next_week = TOKYO_WEEK + timedelta(days=7)
    learner = next(user for user in world.users if user not in world.inactive)
    await complete(uow_factory, world, learner, course.unpublished_lesson, 12, clock)
    await refresh(uow_factory, clock)
    board, _ = await cached(engine)
    assert board == world.expected(points, next_week)
    assert {entry[5] for user, entry in board.items() if user != learner} == {0}


async def test_each_transaction_of_a_unit_of_work_marks_its_own_changes(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    world = await build_world(engine, course, seed=14)
    await refresh(uow_factory, clock)
    before = await versions(engine)
    user, lesson = next(iter(world.lessons))

    async with uow_factory() as uow:
        for score in (40, 50):
            progress = await uow.progress.get(user, lesson, lock=True)
            assert progress is not None
            await uow.progress.save(progress.completed(score, clock.now()))
            await uow.achievements.award(user, await first_lesson_id(uow), clock.now())
            await uow.commit()

    assert (await versions(engine))[user] == before[user] + 2


async def first_lesson_id(uow: Any) -> int:
    query = sa.select(AchievementRow.id).where(AchievementRow.slug == "first-lesson")
    return int(await uow.session.scalar(query))
