"""Stopping the scheduler while a job runs: the run is cancelled and has unwound by the time
``shutdown()`` returns, so nothing it holds outlives the event loop."""

import asyncio
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from infrastructure.scheduler import Scheduler


async def test_shutdown_returns_once_a_run_under_way_has_unwound() -> None:
    """A run that takes a moment to clean up once cancelled, as a unit of work rolling back
    and returning its connection does."""
    started = asyncio.Event()
    unwound: list[bool] = []

    async def slow_job() -> None:
        started.set()
        try:
            await asyncio.Event().wait()
        finally:
            await asyncio.sleep(0)
            unwound.append(True)

    scheduler = AsyncIOScheduler(timezone=UTC)
    scheduler.add_job(slow_job, "interval", hours=1, next_run_time=datetime.now(UTC), id="slow")

    async with Scheduler(scheduler):
        await asyncio.wait_for(started.wait(), timeout=10)

    assert unwound == [True]
