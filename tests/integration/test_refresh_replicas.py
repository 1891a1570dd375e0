"""Two scheduler replicas over ten ticks: each tick one refreshes and the other skips, and
a reader polling throughout never sees an empty or half-written board."""

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from domain.leaderboard import RefreshResult
from infrastructure.db.engine import create_engine, create_session_factory
from infrastructure.db.repositories.catalogue_cache import CatalogueCache
from infrastructure.db.uow import SqlUnitOfWork
from infrastructure.observability import Metrics
from infrastructure.scheduler import refresh_leaderboard
from infrastructure.settings import Settings
from tests.integration.test_refresh_lock import SERVERS, Snapshot, learners_with_scores, snapshot
from tests.support.clock import FixedClock
from tests.support.course import Course

TICKS = 10
JOINING = 5
"""Learners who score between two ticks, so every tick publishes a different board."""
DEADLOCK_GUARD_SECONDS = 5


class Tick:
    """Both replicas fire at once (a barrier); the one holding the lock commits only once
    the other has returned or reached its own commit, so the tick can never pass from one
    replica to the other and be refreshed twice by luck of timing."""

    def __init__(self) -> None:
        self.barrier = asyncio.Barrier(2)
        self._marks = 0
        self._both = asyncio.Event()

    def mark(self) -> None:
        self._marks += 1
        if self._marks >= 2:
            self._both.set()

    async def before_commit(self) -> None:
        """Bounded only so that a broken lock fails the test instead of hanging it: a
        second refresh then waits on the first one's rows while the first waits here."""
        self.mark()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(DEADLOCK_GUARD_SECONDS):
                await self._both.wait()


class TickUnitOfWork(SqlUnitOfWork):
    def __init__(self, sessions: async_sessionmaker[AsyncSession], tick: Tick) -> None:
        super().__init__(sessions, CatalogueCache())
        self._tick = tick

    async def commit(self) -> None:
        await self._tick.before_commit()
        await super().commit()


class Replica:
    """A scheduler process's share: its own engine and pool, and the real refresh job."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._sessions = create_session_factory(engine)
        self.metrics = Metrics()

    async def fire(self, tick: Tick) -> RefreshResult:
        await tick.barrier.wait()
        try:
            return await refresh_leaderboard(
                lambda: TickUnitOfWork(self._sessions, tick), FixedClock(), "UTC", self.metrics
            )
        finally:
            tick.mark()

    def refreshes_timed(self) -> float:
        sample = self.metrics.registry.get_sample_value(
            "learnbot_leaderboard_refresh_seconds_count", {"mode": "incremental"}
        )
        return sample or 0.0


@pytest.fixture
async def replicas(engine: AsyncEngine) -> AsyncIterator[tuple[Replica, Replica, AsyncEngine]]:
    """Two replicas' engines and a reader's, each with connections of its own."""
    url = engine.url.render_as_string(hide_password=False)
    engines = [create_engine(Settings(database_url=url)) for _ in range(2)]
    engines.append(create_engine(Settings(database_url=url), pooled=False))
    try:
        yield Replica(engines[0]), Replica(engines[1]), engines[2]
    finally:
        for each in engines:
            await each.dispose()


@SERVERS
async def test_two_replicas_refresh_once_per_tick_and_readers_never_see_an_empty_board(
    engine: AsyncEngine,
    replicas: tuple[Replica, Replica, AsyncEngine],
    course: Course,
) -> None:
    first, second, reader = replicas
    await learners_with_scores(engine, course, 1000, 30)
    await Replica(engine).fire(_alone())
    published: list[Snapshot] = [await snapshot(reader)]
    seen: list[Snapshot] = []
    results: list[set[RefreshResult]] = []
    done = asyncio.Event()

    async def poll() -> None:
        while not done.is_set():
            seen.append(await snapshot(reader))

    async def run_ticks() -> None:
        try:
            for tick in range(TICKS):
                await learners_with_scores(engine, course, 2000 + 100 * tick, JOINING)
                results.append(set(await _both(first, second, Tick())))
                published.append(await snapshot(reader))
        finally:
            done.set()

    await asyncio.gather(poll(), run_ticks())

    assert results == [
        {RefreshResult(ranked=30 + JOINING * (n + 1)), RefreshResult(None)} for n in range(TICKS)
    ]
    assert [len(board) for board in published] == [30 + JOINING * n for n in range(TICKS + 1)]
    assert first.refreshes_timed() + second.refreshes_timed() == TICKS, "skipped ticks are not"
    assert seen, "the reader read while the replicas refreshed"
    assert all(board in published for board in seen), "a reader saw a partial or empty board"


async def _both(first: Replica, second: Replica, tick: Tick) -> list[RefreshResult]:
    return list(await asyncio.gather(first.fire(tick), second.fire(tick)))


def _alone() -> Tick:
    """A tick with one replica: it has nobody to wait for."""
    tick = Tick()
    tick.barrier = asyncio.Barrier(1)
    tick.mark()
    return tick
