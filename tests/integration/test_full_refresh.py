"""The full refresh: totals changed behind the adapters' back (a data fix in SQL, an import,
a restored backup) are repaired by ``learnbot leaderboard refresh --full`` and by no tick;
a full refresh waits for a tick in progress, and one replica runs a scheduled one."""

import asyncio
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.leaderboard import RefreshResult, week_start
from domain.services import LeaderboardService
from infrastructure.db.locks import SqlRefreshLock
from infrastructure.db.models import AchievementRow, EarnedRow, ProgressRow
from tests.integration.conftest import UowFactory
from tests.integration.test_board_refresh import World, achievement_points, build_world, cached
from tests.integration.test_refresh_lock import SERVERS, CommitHook, learners_with_scores
from tests.support.cli import learnbot, ok
from tests.support.clock import FixedClock
from tests.support.course import Course

BONUS = 100
"""Enough to lift the learners it is given to from the bottom of the board to the top."""


async def fix_in_sql(engine: AsyncEngine, world: World) -> None:
    """An operator's data fix: ``score = score + BONUS`` on every lesson of the three
    learners lowest on the board, and an achievement taken back from the highest one that
    has any. No adapter runs, so nothing marks their totals as changed."""
    board = world.expected(await achievement_points(engine))
    lowest = sorted(board, key=lambda user: (board[user][1], user))
    scored = {user for (user, _), (score, _) in world.lessons.items() if score is not None}
    lifted = [user for user in lowest if user in scored][:3]
    loser, slug = max(world.earned, key=lambda earned: (board.get(earned[0], (0, 0))[1], earned))
    async with engine.begin() as connection:
        await connection.execute(
            sa.update(ProgressRow)
            .where(ProgressRow.user_id.in_(lifted))
            .values(score=ProgressRow.score + BONUS)
        )
        badge = sa.select(AchievementRow.id).where(AchievementRow.slug == slug).scalar_subquery()
        await connection.execute(
            sa.delete(EarnedRow).where(
                EarnedRow.user_id == loser, EarnedRow.achievement_id == badge
            )
        )
    for (user, lesson), (score, at) in world.lessons.items():
        if user in lifted and score is not None:
            world.lessons[user, lesson] = (score + BONUS, at)
    del world.earned[loser, slug]


async def test_a_data_fix_in_sql_is_repaired_by_a_full_refresh_and_by_no_tick(
    engine: AsyncEngine, uow_factory: UowFactory, course: Course
) -> None:
    world = await build_world(engine, course, seed=21)
    points = await achievement_points(engine)
    ok(await learnbot(engine, "leaderboard", "refresh", DEFAULT_TIMEZONE="UTC"))
    stale, _ = await cached(engine)

    await fix_in_sql(engine, world)

    plain = ok(await learnbot(engine, "leaderboard", "refresh", DEFAULT_TIMEZONE="UTC"))
    assert "Ranked 36 learners" in plain
    assert (await cached(engine))[0] == stale, "a tick recounts only what adapters marked"
    full = ok(await learnbot(engine, "leaderboard", "refresh", "--full", DEFAULT_TIMEZONE="UTC"))
    assert "Recounted every learner's totals and ranked 36 learners" in full
    board, _ = await cached(engine)
    assert board == world.expected(points, week_start(datetime.now(UTC), "UTC"))
    moved = {user for user in board if board[user][:2] != stale[user][:2]}
    assert len(moved) > 4, "ranks and totals both changed, for more than the fixed learners"


@SERVERS
async def test_a_full_refresh_waits_for_a_tick_in_progress_then_runs(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    await learners_with_scores(engine, course, 1000, 30)
    found_it_taken, tick_done = asyncio.Event(), asyncio.Event()
    waiting: list[asyncio.Task[RefreshResult]] = []

    async def pause(_seconds: float) -> None:
        found_it_taken.set()
        await tick_done.wait()

    async def full_refresh() -> RefreshResult:
        async with uow_factory() as uow:
            uow.refresh_lock = SqlRefreshLock(uow.session, pause=pause)
            return await LeaderboardService(uow, clock).refresh_fully(wait_seconds=60)

    async def start_a_full_refresh() -> None:
        waiting.append(asyncio.create_task(full_refresh()))
        await found_it_taken.wait()

    async with uow_factory() as uow:
        tick = await LeaderboardService(CommitHook(uow, start_a_full_refresh), clock).refresh()
    tick_done.set()

    assert (tick, await waiting[0]) == (RefreshResult(ranked=30), RefreshResult(ranked=30))


@SERVERS
async def test_one_replica_runs_a_scheduled_full_refresh_and_the_others_skip_it(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    await learners_with_scores(engine, course, 1000, 30)
    others: list[RefreshResult] = []

    async def the_other_replicas() -> None:
        async with uow_factory() as other:
            others.append(await LeaderboardService(other, clock).refresh_fully_on_schedule(60))
        async with uow_factory() as operator:
            others.append(await LeaderboardService(operator, clock).refresh_fully(0))

    async with uow_factory() as uow:
        service = LeaderboardService(CommitHook(uow, the_other_replicas), clock)
        first = await service.refresh_fully_on_schedule(wait_seconds=60)

    assert (first, others) == (RefreshResult(ranked=30), [RefreshResult(None)] * 2)
    async with uow_factory() as uow:
        later = await LeaderboardService(uow, clock).refresh_fully_on_schedule(60)
    assert later == RefreshResult(ranked=30), "the claim and the lock were released"
