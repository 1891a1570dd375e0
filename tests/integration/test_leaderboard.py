"""The set-based leaderboard refresh and the cache's read side."""

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.enums import ProgressStatus
from domain.leaderboard import BoardKind
from domain.learners import TelegramProfile
from domain.services import LeaderboardService
from infrastructure.db.models import (
    AchievementRow,
    EarnedRow,
    LeaderboardRow,
    ProgressRow,
    table,
)
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.use_cases import committed

T0 = datetime(2026, 1, 5, tzinfo=UTC)
CACHE = table(LeaderboardRow)


async def learners(uow_factory: UowFactory, clock: FixedClock, count: int) -> list[int]:
    async with uow_factory() as uow:
        ids = [
            (await uow.learners.add(TelegramProfile(100 + n, f"learner{n}"), clock.now())).id
            for n in range(count)
        ]
        await uow.commit()
    return ids


async def completed(engine: AsyncEngine, user_id: int, lesson_id: int, score: int | None) -> None:
    values = {
        "user_id": user_id,
        "lesson_id": lesson_id,
        "status": ProgressStatus.COMPLETED,
        "score": score,
        "created_at": T0,
        "updated_at": T0,
    }
    async with engine.begin() as connection:
        await connection.execute(sa.insert(table(ProgressRow)).values(values))


async def earned(engine: AsyncEngine, user_id: int, slug: str) -> None:
    async with engine.begin() as connection:
        achievement = await connection.scalar(
            sa.select(AchievementRow.id).where(AchievementRow.slug == slug)
        )
        values = {"user_id": user_id, "achievement_id": achievement, "earned_at": T0}
        await connection.execute(sa.insert(table(EarnedRow)).values(values))


async def refresh(uow_factory: UowFactory, clock: FixedClock) -> int | None:
    async with uow_factory() as uow:
        return (await committed(LeaderboardService(uow, clock)).refresh()).ranked


async def test_ranks_are_competition_ranks_over_lessons_and_achievements(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    a, b, c, d, inactive = await learners(uow_factory, clock, 5)
    await completed(engine, a, course.first_lesson, 15)
    await earned(engine, a, "basics-done")
    await completed(engine, b, course.first_lesson, 15)
    await completed(engine, b, course.reading, None)
    await earned(engine, b, "first-lesson")
    await completed(engine, c, course.advanced_lesson, 20)
    await completed(engine, inactive, course.first_lesson, 99)
    async with uow_factory() as uow:
        await uow.learners.set_active(inactive, False, clock.now())
        await uow.commit()

    assert await refresh(uow_factory, clock) == 4

    async with uow_factory() as uow:
        board = await uow.leaderboard.top(10, BoardKind.ALL_TIME, viewer=0)
    assert [(e.user_id, e.rank, e.total_score) for e in board] == [
        (a, 1, 35),
        (b, 2, 20),
        (c, 2, 20),
        (d, 4, 0),
    ]
    assert (board[1].lessons_completed, board[1].achievements_count) == (2, 1)
    assert board[0].name == "learner0"
    assert all(entry.updated_at == clock.now() for entry in board)


async def test_a_refresh_replaces_the_whole_board(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    a, b = await learners(uow_factory, clock, 2)
    await completed(engine, b, course.first_lesson, 10)
    await refresh(uow_factory, clock)
    async with uow_factory() as uow:
        await uow.learners.set_active(b, False, clock.now())
        await uow.commit()
    clock.advance(minutes=1)

    await refresh(uow_factory, clock)

    async with uow_factory() as uow:
        board = await uow.leaderboard.top(10, BoardKind.ALL_TIME, viewer=0)
        gone = await uow.leaderboard.entry(b)
    assert [(e.user_id, e.rank, e.updated_at) for e in board] == [(a, 1, clock.now())]
    assert gone is None


async def test_the_board_shows_the_top_and_the_learners_neighbours(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    ids = await learners(uow_factory, clock, 8)
    for points, user_id in enumerate(reversed(ids), start=1):
        await completed(engine, user_id, course.first_lesson, points)
    await refresh(uow_factory, clock)

    async with uow_factory() as uow:
        board = await committed(LeaderboardService(uow, clock)).board(ids[4], top=3, around=2)

    assert [entry.rank for entry in board.top] == [1, 2, 3]
    assert board.me is not None
    assert board.me.rank == 5
    assert [entry.rank for entry in board.around_me] == [3, 4, 6, 7]


async def test_hidden_learners_see_themselves_and_nobody_else_sees_them(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    top, shy, third = await learners(uow_factory, clock, 3)
    await completed(engine, top, course.first_lesson, 30)
    await completed(engine, shy, course.first_lesson, 20)
    await completed(engine, third, course.first_lesson, 10)
    async with uow_factory() as uow:
        assert await committed(LeaderboardService(uow, clock)).set_hidden(shy, True)
    await refresh(uow_factory, clock)

    async with uow_factory() as uow:
        service = committed(LeaderboardService(uow, clock))
        theirs = await service.board(third, around=5)
        mine = await service.board(shy, around=5)
        hidden = await service.is_hidden(shy)

    assert [(e.user_id, e.rank) for e in theirs.top] == [(top, 1), (third, 2)]
    assert [e.user_id for e in theirs.around_me] == [top]
    assert (hidden, mine.me is not None and mine.me.rank) == (True, 2)
    assert [e.user_id for e in mine.top] == [top, shy, third]
    assert [e.user_id for e in mine.around_me] == [top, third]


async def test_the_weekly_board_counts_points_since_monday(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    veteran, newcomer = await learners(uow_factory, clock, 2)
    await completed(engine, veteran, course.first_lesson, 50)
    await completed_at(engine, newcomer, course.reading, 5, clock.now())
    await refresh(uow_factory, clock)

    async with uow_factory() as uow:
        board = await committed(LeaderboardService(uow, clock)).board(veteran, BoardKind.WEEK)

    assert board.kind is BoardKind.WEEK
    assert [(e.user_id, e.place(BoardKind.WEEK), e.points(BoardKind.WEEK)) for e in board.top] == [
        (newcomer, 1, 5),
        (veteran, 2, 0),
    ]
    assert [e.rank for e in board.top] == [2, 1]


async def completed_at(
    engine: AsyncEngine, user_id: int, lesson_id: int, score: int, at: datetime
) -> None:
    values = {"user_id": user_id, "lesson_id": lesson_id, "status": ProgressStatus.COMPLETED}
    stamps = {"score": score, "completed_at": at, "created_at": at, "updated_at": at}
    async with engine.begin() as connection:
        await connection.execute(sa.insert(table(ProgressRow)).values(values | stamps))


async def test_every_learners_board_matches_the_cached_rows_read_plainly(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    """The one-statement read against the board order computed here from the cache's rows:
    ties on both boards, hidden learners, a learner off the board, and no neighbours."""
    ids = await learners(uow_factory, clock, 9)
    for n, user_id in enumerate(ids[:8]):
        await completed(engine, user_id, course.first_lesson, 10 * (n % 3))
        if n % 4 == 0:
            await completed_at(engine, user_id, course.reading, 5, clock.now())
    off_board = ids[8]
    async with uow_factory() as uow:
        service = committed(LeaderboardService(uow, clock))
        for shy in (ids[1], ids[5]):
            assert await service.set_hidden(shy, True)
        await uow.learners.set_active(off_board, False, clock.now())
        await uow.commit()
    await refresh(uow_factory, clock)
    async with engine.connect() as connection:
        cached = {row.user_id: row for row in await connection.execute(sa.select(CACHE))}
    hidden = {ids[1], ids[5]}

    def expected(viewer: int, kind: BoardKind, top: int, around: int) -> tuple[list[int], ...]:
        rank = CACHE.c.weekly_rank.key if kind is BoardKind.WEEK else CACHE.c.rank.key
        order = sorted(cached, key=lambda user_id: (getattr(cached[user_id], rank), user_id))
        leaders = [user_id for user_id in order if user_id not in hidden - {viewer}][:top]
        if viewer not in cached:
            return leaders, [], []
        others = [user_id for user_id in order if user_id not in hidden or user_id == viewer]
        at = others.index(viewer)
        above = [u for u in others[:at] if u != viewer][-around:] if around else []
        return leaders, [viewer], [*above, *others[at + 1 : at + 1 + around]]

    async with uow_factory() as uow:
        service = committed(LeaderboardService(uow, clock))
        for viewer in ids:
            for kind in BoardKind:
                for around in (0, 1, 3):
                    board = await service.board(viewer, kind, top=4, around=around)
                    seen = (
                        [e.user_id for e in board.top],
                        [] if board.me is None else [board.me.user_id],
                        [e.user_id for e in board.around_me],
                    )
                    assert seen == expected(viewer, kind, 4, around), (viewer, kind, around)
    assert len(cached) == 8
    assert len({(row.weekly_rank, row.rank) for row in cached.values()}) < 8
