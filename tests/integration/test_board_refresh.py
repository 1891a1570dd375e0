"""The refresh against an independent computation: ties, inactive and hidden learners,
the weekly board, and changes between refreshes."""

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from domain import totals as rules
from domain.enums import ProgressStatus
from domain.leaderboard import visible_ranks
from domain.progress import Progress
from domain.services import LeaderboardService
from infrastructure.db.models import (
    AchievementRow,
    EarnedRow,
    LeaderboardRow,
    ProgressRow,
    UserRow,
    table,
)
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock
from tests.support.course import Course

TOKYO_WEEK = datetime(2026, 3, 1, 15, tzinfo=UTC)
"""Monday 2 March 2026, 00:00 in Tokyo: the week the fixed clock (Monday 09:30 UTC) is in."""
Board = dict[int, tuple[int, int, int, int, int, int]]


@dataclass
class World:
    """What the test wrote, kept in Python: the domain's rules give the expected board."""

    lessons: dict[tuple[int, int], tuple[int | None, datetime]] = field(default_factory=dict)
    earned: dict[tuple[int, str], datetime] = field(default_factory=dict)
    inactive: set[int] = field(default_factory=set)
    hidden: set[int] = field(default_factory=set)
    users: list[int] = field(default_factory=list)

    def expected(self, points: dict[str, int], week: datetime = TOKYO_WEEK) -> Board:
        """The board domain.totals and domain.leaderboard's rules give for these rows: the
        contract the refresh's set-based SQL must keep."""
        ids = {slug: number for number, slug in enumerate(sorted(points))}
        award = {ids[slug]: value for slug, value in points.items()}
        active = [user for user in self.users if user not in self.inactive]

        def scored(user: int, since: datetime) -> int:
            lessons = [s for (u, _), (s, at) in self.lessons.items() if u == user and at >= since]
            earned = [ids[e] for (u, e), at in self.earned.items() if u == user and at >= since]
            return rules.points(lessons, earned, award)

        total = {user: scored(user, ALWAYS) for user in active}
        weekly = {user: scored(user, week) for user in active}
        rank, weekly_rank = visible_ranks(total, self.hidden), visible_ranks(weekly, self.hidden)
        done = {user: self._count(self.lessons, user) for user in active}
        badges = {user: self._count(self.earned, user) for user in active}
        return {
            u: (rank[u], total[u], done[u], badges[u], weekly_rank[u], weekly[u]) for u in active
        }

    @staticmethod
    def _count(rows: Mapping[tuple[int, Any], Any], user: int) -> int:
        return sum(1 for owner, _ in rows if owner == user)


ALWAYS = datetime.min.replace(tzinfo=UTC)


async def build_world(engine: AsyncEngine, course: Course, seed: int, size: int = 40) -> World:
    world, rng = World(), random.Random(seed)
    lessons = [course.first_lesson, course.reading, course.advanced_lesson, course.hidden_lesson]
    async with engine.begin() as connection:
        for n in range(size):
            world.users.append(await add_user(connection, 1000 + n))
        progress, earned = [], []
        for user in world.users:
            for lesson in rng.sample(lessons, rng.randint(0, len(lessons))):
                score = rng.choice([None, 5, 10, 10, 20])
                at = TOKYO_WEEK + timedelta(hours=rng.choice([-30, -1, 0, 2]))
                world.lessons[user, lesson] = (score, at)
                progress.append(completed_row(user, lesson, score, at))
            for slug in rng.sample(SLUGS, rng.randint(0, 2)):
                at = TOKYO_WEEK + timedelta(hours=rng.choice([-5, 3]))
                world.earned[user, slug] = at
                earned.append({"user_id": user, "slug": slug, "earned_at": at})
        await connection.execute(sa.insert(table(ProgressRow)), progress)
        await insert_earned(connection, earned)
    world.inactive = set(rng.sample(world.users, 4))
    world.hidden = set(rng.sample(world.users, 5))
    await set_flags(engine, world.inactive, is_active=False)
    await set_flags(engine, world.hidden, hide_from_board=True)
    return world


SLUGS = ["first-lesson", "basics-done", "solver", "thirty"]


async def add_user(connection: Any, telegram_id: int) -> int:
    now = TOKYO_WEEK
    values = {"telegram_id": telegram_id, "first_contact_at": now, "last_contact_at": now}
    result = await connection.execute(
        sa.insert(table(UserRow)).values(values | {"created_at": now, "updated_at": now})
    )
    return int(result.inserted_primary_key[0])


def completed_row(user: int, lesson: int, score: int | None, at: datetime) -> dict[str, Any]:
    return {
        "user_id": user,
        "lesson_id": lesson,
        "status": ProgressStatus.COMPLETED,
        "score": score,
        "completed_at": at,
        "created_at": at,
        "updated_at": at,
    }


async def insert_earned(connection: Any, earned: list[dict[str, Any]]) -> None:
    ids = dict((await connection.execute(sa.select(AchievementRow.slug, AchievementRow.id))).all())
    rows = [{"user_id": e["user_id"], "achievement_id": ids[e["slug"]], **e} for e in earned]
    await connection.execute(
        sa.insert(table(EarnedRow)), [{k: v for k, v in r.items() if k != "slug"} for r in rows]
    )


async def set_flags(engine: AsyncEngine, users: set[int], **values: bool) -> None:
    async with engine.begin() as connection:
        await connection.execute(sa.update(UserRow).where(UserRow.id.in_(users)).values(values))


async def achievement_points(engine: AsyncEngine) -> dict[str, int]:
    async with engine.connect() as connection:
        rows = await connection.execute(sa.select(AchievementRow.slug, AchievementRow.points))
        return dict(rows.all())


async def cached(engine: AsyncEngine) -> tuple[Board, dict[int, datetime]]:
    cache = table(LeaderboardRow)
    columns = [cache.c[name] for name in ("user_id", "rank", "total_score", "lessons_completed")]
    extra = [cache.c.achievements_count, cache.c.weekly_rank, cache.c.weekly_score]
    async with engine.connect() as connection:
        rows = (await connection.execute(sa.select(*columns, *extra, cache.c.updated_at))).all()
    return {r[0]: tuple(r[1:7]) for r in rows}, {r[0]: r[7] for r in rows}


async def refresh(uow_factory: UowFactory, clock: FixedClock) -> int | None:
    async with uow_factory() as uow:
        return (await LeaderboardService(uow, clock, "Asia/Tokyo").refresh()).ranked


async def test_the_board_matches_an_independent_computation(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    world = await build_world(engine, course, seed=4)
    expected = world.expected(await achievement_points(engine))

    assert await refresh(uow_factory, clock) == len(expected) == 36
    board, _ = await cached(engine)

    assert board == expected
    ranks = sorted(rank for rank, *_ in expected.values())
    assert len(set(ranks)) < len(ranks), "the data has ties"
    assert any(entry[4] != entry[0] for entry in expected.values()), "weekly differs"


async def test_each_learners_totals_are_the_domain_rules_over_their_rows(
    engine: AsyncEngine, uow_factory: UowFactory, course: Course
) -> None:
    """The standing read (what achievements, levels and /progress use) returns the facts
    domain.totals counts: a module counts as completed only with every published lesson."""
    world = await build_world(engine, course, seed=11)
    points = await achievement_points(engine)
    async with uow_factory() as uow:
        outline = await uow.catalogue.published_outline()
        ids = {award.slug: award.id for award in await uow.achievements.definitions()}
        award = {ids[slug]: value for slug, value in points.items()}
        read = {user: await uow.totals.totals(user) for user in world.users}

    expected = {
        user: rules.learner_totals(
            {lesson: s for (u, lesson), (s, _) in world.lessons.items() if u == user},
            {ids[slug] for u, slug in world.earned if u == user},
            0,
            outline,
            award,
        )
        for user in world.users
    }
    assert read == expected
    modules = [totals.completed_modules for totals in expected.values()]
    assert frozenset({"basics"}) in modules, "some learners completed a module"
    assert frozenset() in modules, "some did not"


async def test_changes_between_refreshes_rewrite_only_what_changed(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    world = await build_world(engine, course, seed=7)
    points = await achievement_points(engine)
    await refresh(uow_factory, clock)
    _, first_stamps = await cached(engine)
    leaver, returner, newcomer = await change_the_world(engine, uow_factory, world, course)
    clock.advance(minutes=1)

    await refresh(uow_factory, clock)

    board, stamps = await cached(engine)
    assert board == world.expected(points)
    assert leaver not in board
    assert {returner, newcomer} <= set(board)
    unchanged = {u for u in first_stamps if u in stamps and stamps[u] == first_stamps[u]}
    assert unchanged, "entries that did not change keep their old stamp"
    assert all(stamps[u] == clock.now() for u in set(stamps) - unchanged)


async def change_the_world(
    engine: AsyncEngine, uow_factory: UowFactory, world: World, course: Course
) -> tuple[int, int, int]:
    """One learner leaves, one comes back, one arrives, one gains points, one unhides.

    The points go through the progress adapter, which marks the learner's totals: the
    build_world rows are written behind the adapters' back, which only a refresh that
    finds no totals at all (a full rebuild) can see.
    """
    leaver = next(u for u in world.users if u not in world.inactive)
    returner = next(iter(world.inactive))
    world.inactive = (world.inactive - {returner}) | {leaver}
    await set_flags(engine, {leaver}, is_active=False)
    await set_flags(engine, {returner}, is_active=True)
    shown = next(iter(world.hidden))
    world.hidden.discard(shown)
    await set_flags(engine, {shown}, hide_from_board=False)
    async with engine.begin() as connection:
        newcomer = await add_user(connection, 5000)
        world.users.append(newcomer)
    gainer = next(u for u in world.users if u not in world.inactive)
    world.lessons[gainer, course.unpublished_lesson] = (30, TOKYO_WEEK)
    async with uow_factory() as uow:
        lesson = Progress.begin(gainer, course.unpublished_lesson, TOKYO_WEEK)
        await uow.progress.add(lesson.completed(30, TOKYO_WEEK))
        await uow.commit()
    return leaver, returner, newcomer
