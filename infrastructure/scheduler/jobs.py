"""Scheduler jobs: each run opens its own unit of work, calls one domain service, and
commits once it has returned (an error rolls the run back).

Jobs are plain coroutine functions taking their dependencies as arguments: APScheduler
awaits them on the loop, and nothing is kept in module-level holders.
"""

import logging
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Protocol

from domain.freezes import DEFAULT_FREEZES, FreezeRules
from domain.leaderboard import RefreshResult
from domain.leagues import LeagueResult, LeagueRules, RolloverResult
from domain.ports import Clock, Notifier, UnitOfWorkFactory
from domain.services import (
    LeaderboardService,
    LeagueService,
    NewsReport,
    ReminderReport,
    ReminderService,
    forget_old_updates,
)
from infrastructure.scheduler.throttle import RateLimiter, ThrottledNotifier

LEADERBOARD_JOB = "leaderboard.refresh"
FULL_REFRESH_JOB = "leaderboard.full_refresh"
UPDATES_JOB = "updates.forget"
REMINDERS_JOB = "reminders.send"
LEAGUES_JOB = "leagues.rollover"
NotifierFactory = Callable[[], AbstractAsyncContextManager[Notifier]]
"""Opens a notifier for one run and closes its HTTP session afterwards."""
ResultText = Callable[[LeagueResult], str]
"""A member's weekly result in their own language."""
FULL_REFRESH_WAIT_SECONDS = 600
"""How long a full refresh waits for a refresh in progress: far longer than one takes."""
log = logging.getLogger(__name__)


class RefreshMetrics(Protocol):
    def observe_leaderboard_refresh(self, seconds: float, full: bool) -> None: ...


async def refresh_leaderboard(
    uow_factory: UnitOfWorkFactory, clock: Clock, timezone: str, metrics: RefreshMetrics
) -> RefreshResult:
    """A tick, timed from opening its unit of work to closing it; a skipped one is not."""
    started = time.perf_counter()
    async with uow_factory() as uow:
        result = await LeaderboardService(uow, clock, timezone).refresh()
        await uow.commit()
    if result.skipped:
        log.info("leaderboard refresh skipped: another process holds the lock")
    else:
        metrics.observe_leaderboard_refresh(time.perf_counter() - started, full=False)
        log.info("leaderboard refreshed: %d learners ranked", result.ranked)
    return result


async def refresh_leaderboard_fully(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    timezone: str,
    metrics: RefreshMetrics,
    *,
    on_schedule: bool,
) -> RefreshResult:
    """Every learner's totals recounted from their rows, then ranked. On schedule, every
    replica fires it and the one that claims it runs it; the operator's run (``learnbot
    leaderboard refresh --full``) claims nothing, so it runs even just after another.
    Timed as a tick is, so its time includes any wait for a refresh in progress."""
    started = time.perf_counter()
    async with uow_factory() as uow:
        service = LeaderboardService(uow, clock, timezone)
        if on_schedule:
            result = await service.refresh_fully_on_schedule(FULL_REFRESH_WAIT_SECONDS)
        else:
            result = await service.refresh_fully(FULL_REFRESH_WAIT_SECONDS)
        await uow.commit()
    if result.skipped:
        log.info(
            "full leaderboard refresh skipped: another replica claimed it, or a refresh "
            "held the lock for over %d s",
            FULL_REFRESH_WAIT_SECONDS,
        )
    else:
        metrics.observe_leaderboard_refresh(time.perf_counter() - started, full=True)
        log.info("leaderboard fully refreshed: every total recounted, %d ranked", result.ranked)
    return result


async def forget_handled_updates(uow_factory: UnitOfWorkFactory, clock: Clock) -> int:
    async with uow_factory() as uow:
        forgotten = await forget_old_updates(uow, clock)
        await uow.commit()
    log.info("forgot %d handled updates", forgotten)
    return forgotten


async def send_reminders(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    timezone: str,
    notifier_factory: NotifierFactory,
    freezes: FreezeRules = DEFAULT_FREEZES,
) -> ReminderReport:
    """One run at a time (max_instances=1), so one limiter per run caps the whole rate."""
    async with notifier_factory() as notifier, uow_factory() as uow:
        throttled = ThrottledNotifier(notifier, RateLimiter())
        report = await ReminderService(uow, clock, timezone, freezes).send_due(throttled)
        await uow.commit()
    log.info(
        "reminders: %d sent, %d blocked, %d failed", report.sent, report.blocked, report.failed
    )
    return report


async def roll_leagues(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    timezone: str,
    rules: LeagueRules,
    news: tuple[NotifierFactory, ResultText] | None = None,
    wait_seconds: float = 0,
) -> tuple[RolloverResult, NewsReport]:
    """Close the weeks that ended (one process does it; a run with nothing to close costs
    one small read), then, with a notifier, tell members the results not told yet, paced
    by one limiter as reminders are. A run that found the lock taken tells nothing: the
    process holding it tells them once it is done."""
    async with uow_factory() as uow:
        result = await LeagueService(uow, clock, timezone, rules).rollover(wait_seconds)
        await uow.commit()
    if result.skipped:
        log.info("leagues rollover skipped: another process holds the lock")
        return result, NewsReport()
    if result.closed:
        weeks = ", ".join(str(week) for week in result.closed)
        log.info("leagues: closed the week of %s; %d learners placed", weeks, result.placed)
    if news is None:
        return result, NewsReport()
    notifier_factory, text = news
    async with notifier_factory() as notifier, uow_factory() as uow:
        throttled = ThrottledNotifier(notifier, RateLimiter())
        report = await LeagueService(uow, clock, timezone, rules).tell_results(throttled, text)
        await uow.commit()
    if report != NewsReport():
        log.info(
            "league results: %d sent, %d blocked, %d failed",
            report.sent,
            report.blocked,
            report.failed,
        )
    return result, report
