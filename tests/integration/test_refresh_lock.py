"""Replicas: one refresh per tick across processes, and readers never see a partial board."""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.leaderboard import RefreshResult
from domain.services import LeaderboardService
from infrastructure.db.engine import create_engine
from infrastructure.db.models import LeaderboardRow, ProgressRow, UserRow, table
from infrastructure.db.uow import SqlUnitOfWork
from infrastructure.settings import Settings
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock
from tests.support.course import Course

SERVERS = pytest.mark.parametrize("engine", ["postgresql", "mariadb"], indirect=True)
Snapshot = dict[int, int]


class CommitHook:
    """A real unit of work whose ``commit`` first awaits ``before_commit``: the moment a
    refresh has written the new board but not yet published it."""

    def __init__(self, uow: SqlUnitOfWork, before_commit: Callable[[], Awaitable[None]]) -> None:
        self._uow = uow
        self._before_commit = before_commit

    def __getattr__(self, name: str) -> Any:
        return getattr(self._uow, name)

    async def commit(self) -> None:
        await self._before_commit()
        await self._uow.commit()


async def learners_with_scores(engine: AsyncEngine, course: Course, first: int, count: int) -> None:
    now = FixedClock().now()
    stamps = {"created_at": now, "updated_at": now}
    async with engine.begin() as connection:
        users = [
            {"telegram_id": first + n, "first_contact_at": now, "last_contact_at": now} | stamps
            for n in range(count)
        ]
        await connection.execute(sa.insert(table(UserRow)), users)
        ids = (
            await connection.scalars(sa.select(UserRow.id).where(UserRow.telegram_id >= first))
        ).all()
        progress = [
            {"user_id": user_id, "lesson_id": course.first_lesson, "status": "COMPLETED"}
            | {"score": (user_id * 7) % 13}
            | stamps
            for user_id in ids
        ]
        await connection.execute(sa.insert(table(ProgressRow)), progress)


async def snapshot(engine: AsyncEngine) -> Snapshot:
    cache = table(LeaderboardRow)
    async with engine.connect() as connection:
        rows = await connection.execute(sa.select(cache.c.user_id, cache.c.rank))
        return dict(rows.all())


async def refresh(uow: Any, clock: FixedClock) -> RefreshResult:
    return await LeaderboardService(uow, clock).refresh()


@SERVERS
async def test_a_second_refresh_skips_while_the_first_holds_the_lock(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    await learners_with_scores(engine, course, 1000, 30)
    async with uow_factory() as uow:
        await refresh(uow, clock)
    old = await snapshot(engine)
    await learners_with_scores(engine, course, 2000, 10)
    seen: list[tuple[RefreshResult, Snapshot]] = []

    async def meanwhile() -> None:
        async with uow_factory() as other:
            seen.append((await refresh(other, clock), await snapshot(engine)))

    async with uow_factory() as uow:
        first = await refresh(CommitHook(uow, meanwhile), clock)

    new = await snapshot(engine)
    assert (first, seen) == (RefreshResult(ranked=40), [(RefreshResult(ranked=None), old)])
    assert (len(old), len(new)) == (30, 40)
    async with uow_factory() as uow:
        assert await refresh(uow, clock) == RefreshResult(ranked=40), "the lock was released"


async def test_a_failed_refresh_leaves_the_lock_free(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    async def fail() -> None:
        raise RuntimeError("the process died mid-refresh")

    with pytest.raises(RuntimeError):
        async with uow_factory() as uow:
            await refresh(CommitHook(uow, fail), clock)

    async with uow_factory() as uow:
        assert not (await refresh(uow, clock)).skipped
    assert await snapshot(engine) == {}


@pytest.fixture
async def reader(engine: AsyncEngine) -> AsyncIterator[AsyncEngine]:
    """A second engine, as another replica would have (SQLite: another connection)."""
    url = engine.url.render_as_string(hide_password=False)
    other = create_engine(Settings(database_url=url), pooled=False)
    try:
        yield other
    finally:
        await other.dispose()


async def test_a_reader_polling_during_a_refresh_sees_a_whole_board(
    engine: AsyncEngine,
    reader: AsyncEngine,
    uow_factory: UowFactory,
    clock: FixedClock,
    course: Course,
) -> None:
    await learners_with_scores(engine, course, 1000, 600)
    async with uow_factory() as uow:
        await refresh(uow, clock)
    old = await snapshot(reader)
    await learners_with_scores(engine, course, 5000, 300)
    done = asyncio.Event()
    seen: list[Snapshot] = []

    async def poll() -> None:
        while not done.is_set():
            seen.append(await snapshot(reader))

    async def refresh_then_stop() -> None:
        try:
            async with uow_factory() as uow:
                await refresh(uow, clock)
        finally:
            done.set()

    await asyncio.gather(poll(), refresh_then_stop())

    new = await snapshot(reader)
    assert (len(old), len(new)) == (600, 900)
    assert seen, "the reader read while the refresh ran"
    assert all(board in (old, new) for board in seen)
