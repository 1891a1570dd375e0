"""APScheduler's ``AsyncIOScheduler`` with learnbot's jobs, started inside the running loop."""

import asyncio
from datetime import UTC, datetime
from types import TracebackType
from typing import Self

from apscheduler.events import EVENT_SCHEDULER_SHUTDOWN, SchedulerEvent
from apscheduler.job import Job
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger

from domain.ports import Clock, UnitOfWorkFactory
from infrastructure.scheduler.jobs import (
    FULL_REFRESH_JOB,
    LEADERBOARD_JOB,
    LEAGUES_JOB,
    REMINDERS_JOB,
    UPDATES_JOB,
    NotifierFactory,
    RefreshMetrics,
    ResultText,
    forget_handled_updates,
    refresh_leaderboard,
    refresh_leaderboard_fully,
    roll_leagues,
    send_reminders,
)
from infrastructure.scheduler.outages import survives_outages
from infrastructure.settings import Settings

JOB_DEFAULTS = {"coalesce": True, "max_instances": 1}
"""A late or slow tick is run once, never stacked: the next tick recomputes anyway."""


class Scheduler:
    """Start and stop the jobs from inside the bot's (or the CLI's) event loop.

    ``async with build_scheduler(...)`` starts on entry and shuts down on exit; ``start()``
    and ``await shutdown()`` do the same for callers that manage their own lifetime.
    """

    def __init__(self, scheduler: AsyncIOScheduler) -> None:
        self._scheduler = scheduler

    @property
    def jobs(self) -> list[Job]:
        return list(self._scheduler.get_jobs())

    @property
    def running(self) -> bool:
        return bool(self._scheduler.running)

    def start(self) -> None:
        """Call from a coroutine: the scheduler binds to the loop that is running now."""
        asyncio.get_running_loop()
        self._scheduler.start()

    async def shutdown(self) -> None:
        """Stop taking new runs, cancel those under way, and return once the scheduler has
        really stopped and the cancelled runs have unwound: a run still unwinding when the
        loop closed kept its database connection open (on SQLite, the driver's thread then
        kept the process from exiting after SIGTERM or Ctrl-C)."""
        if not self.running:
            return
        stopped = asyncio.Event()

        def on_shutdown(_event: SchedulerEvent) -> None:
            stopped.set()

        runs = self._runs_under_way()
        self._scheduler.add_listener(on_shutdown, EVENT_SCHEDULER_SHUTDOWN)
        self._scheduler.shutdown(wait=False)
        await stopped.wait()
        await asyncio.gather(*runs, return_exceptions=True)

    def _runs_under_way(self) -> list["asyncio.Future[object]"]:
        """APScheduler 3's asyncio executor cancels its runs at shutdown but cannot wait for
        them (its shutdown is no coroutine), so they are taken from it to be awaited here."""
        executor = self._scheduler._lookup_executor("default")
        return [run for run in getattr(executor, "_pending_futures", ()) if not run.done()]

    async def __aenter__(self) -> Self:
        self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.shutdown()


def build_scheduler(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
    metrics: RefreshMetrics,
    notifier_factory: NotifierFactory | None = None,
    league_news: ResultText | None = None,
) -> Scheduler:
    """Every job with an explicit id; the first refresh runs as soon as the scheduler starts.

    The refreshes report their times to ``metrics``. Reminders need a way to reach
    Telegram, so they are scheduled only with a notifier; the leagues' rollover always
    is, and tells the results only with a notifier and ``league_news`` to word them.
    """
    scheduler = AsyncIOScheduler(timezone=UTC, job_defaults=JOB_DEFAULTS)
    period = settings.leaderboard_refresh_seconds
    scheduler.add_job(
        survives_outages(refresh_leaderboard),
        "interval",
        seconds=period,
        args=(uow_factory, clock, settings.default_timezone, metrics),
        id=LEADERBOARD_JOB,
        name="Recompute the leaderboard cache",
        misfire_grace_time=max(1, period // 2),
        next_run_time=datetime.now(UTC),
        replace_existing=True,
    )
    scheduler.add_job(
        survives_outages(forget_handled_updates),
        "interval",
        hours=1,
        args=(uow_factory, clock),
        id=UPDATES_JOB,
        name="Forget handled Telegram updates older than two days",
        misfire_grace_time=600,
        replace_existing=True,
    )
    add_full_refresh(scheduler, uow_factory, clock, settings, metrics)
    news = (
        None if notifier_factory is None or league_news is None else (notifier_factory, league_news)
    )
    add_leagues(scheduler, uow_factory, clock, settings, news)
    if notifier_factory is not None:
        add_reminders(scheduler, uow_factory, clock, settings, notifier_factory)
    return Scheduler(scheduler)


def add_full_refresh(
    scheduler: AsyncIOScheduler,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
    metrics: RefreshMetrics,
) -> None:
    """At LEADERBOARD_FULL_REFRESH_CRON in DEFAULT_TIMEZONE, unless it is empty: by default
    03:30, the learners' night, clear of the reminders at minute 0. It repairs totals that
    changed behind the adapters' back within a day; a run up to an hour late still runs."""
    crontab = settings.leaderboard_full_refresh_cron
    if not crontab:
        return
    scheduler.add_job(
        survives_outages(refresh_leaderboard_fully),
        CronTrigger.from_crontab(crontab, timezone=settings.default_timezone),
        args=(uow_factory, clock, settings.default_timezone, metrics),
        kwargs={"on_schedule": True},
        id=FULL_REFRESH_JOB,
        name="Recount every learner's totals from their rows, then rank",
        misfire_grace_time=3600,
        replace_existing=True,
    )


def add_leagues(
    scheduler: AsyncIOScheduler,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
    news: tuple[NotifierFactory, ResultText] | None,
) -> None:
    """At LEAGUE_ROLLOVER_CRON in DEFAULT_TIMEZONE, unless it is empty: by default at
    minute 5 of every hour, so a week is closed five minutes after Monday 00:00 (answers
    of Sunday's last minute are in by then), and results left untold by a restart are
    told within the hour. A run still telling when the next is due makes it skip."""
    crontab = settings.league_rollover_cron
    if not crontab:
        return
    scheduler.add_job(
        survives_outages(roll_leagues),
        CronTrigger.from_crontab(crontab, timezone=settings.default_timezone),
        args=(uow_factory, clock, settings.default_timezone, settings.leagues(), news),
        id=LEAGUES_JOB,
        name="Close the weekly leagues that ended and tell the results",
        misfire_grace_time=3600,
        replace_existing=True,
    )


def add_reminders(
    scheduler: AsyncIOScheduler,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
    notifier_factory: NotifierFactory,
) -> None:
    """At minute 0 of every hour; a run up to 15 minutes late still falls in the same hour."""
    scheduler.add_job(
        survives_outages(send_reminders),
        "cron",
        minute=0,
        args=(uow_factory, clock, settings.default_timezone, notifier_factory, settings.freezes()),
        id=REMINDERS_JOB,
        name="Remind learners with a live streak at their chosen hour",
        coalesce=True,
        max_instances=1,
        misfire_grace_time=900,
        replace_existing=True,
    )
