"""Scheduler jobs: each run opens its own unit of work and calls one domain service.

Jobs are plain coroutine functions taking their dependencies as arguments: APScheduler
awaits them on the loop, and nothing is kept in module-level holders.
"""

import logging

from domain.leaderboard import RefreshResult
from domain.ports import Clock, UnitOfWorkFactory
from domain.services import LeaderboardService, forget_old_updates

LEADERBOARD_JOB = "leaderboard.refresh"
UPDATES_JOB = "updates.forget"
log = logging.getLogger(__name__)


async def refresh_leaderboard(
    uow_factory: UnitOfWorkFactory, clock: Clock, timezone: str
) -> RefreshResult:
    async with uow_factory() as uow:
        result = await LeaderboardService(uow, clock, timezone).refresh()
    if result.skipped:
        log.info("leaderboard refresh skipped: another process holds the lock")
    else:
        log.info("leaderboard refreshed: %d learners ranked", result.ranked)
    return result


async def forget_handled_updates(uow_factory: UnitOfWorkFactory, clock: Clock) -> int:
    async with uow_factory() as uow:
        forgotten = await forget_old_updates(uow, clock)
    log.info("forgot %d handled updates", forgotten)
    return forgotten
