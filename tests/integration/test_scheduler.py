"""The scheduler adapter: its jobs and options, its lifetime in the loop, and one real run."""

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from apscheduler.job import Job
from apscheduler.triggers.cron import CronTrigger
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.leaderboard import BoardKind, RefreshResult
from domain.leagues import LeagueResult
from domain.learners import TelegramProfile
from domain.ports import Notifier
from domain.progress import Progress
from domain.services import NewsReport, ReminderReport
from infrastructure.clock import SystemClock
from infrastructure.db.engine import create_session_factory
from infrastructure.db.models import ProgressRow
from infrastructure.db.repositories.catalogue_cache import CatalogueCache
from infrastructure.observability import Metrics
from infrastructure.scheduler import (
    FULL_REFRESH_JOB,
    LEADERBOARD_JOB,
    LEAGUES_JOB,
    REMINDERS_JOB,
    UPDATES_JOB,
    build_scheduler,
)
from infrastructure.settings import Settings
from learnbot.app import Application
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.unit.fakes import FakeNotifier


def settings() -> Settings:
    return Settings(leaderboard_refresh_seconds=90, default_timezone="Europe/Berlin")


def scheduled(
    uow_factory: UowFactory,
    clock: FixedClock,
    config: Settings | None = None,
    reach: Any = None,
    news: Any = None,
) -> dict[str, Job]:
    """The jobs by id, built but not started (defaults such as ``coalesce`` come at start)."""
    scheduler = build_scheduler(uow_factory, clock, config or settings(), Metrics(), reach, news)
    return {job.id: job for job in scheduler.jobs}


async def test_the_scheduler_runs_its_jobs_in_the_loop_and_never_piles_them_up(
    uow_factory: UowFactory, clock: FixedClock
) -> None:
    scheduler = build_scheduler(uow_factory, clock, settings(), Metrics())
    assert not scheduler.running

    async with scheduler:
        assert scheduler.running
        jobs = {job.id: job for job in scheduler.jobs}

    assert not scheduler.running
    assert set(jobs) == {LEADERBOARD_JOB, UPDATES_JOB, FULL_REFRESH_JOB, LEAGUES_JOB}
    job = jobs[LEADERBOARD_JOB]
    assert job.trigger.interval.total_seconds() == 90
    assert (job.coalesce, job.max_instances, job.misfire_grace_time) == (True, 1, 45)


async def test_a_run_of_the_job_refreshes_the_board_in_its_own_unit_of_work(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock
) -> None:
    async with uow_factory() as uow:
        await uow.learners.add(TelegramProfile(7, "ada"), clock.now())
        await uow.commit()
    job = scheduled(uow_factory, clock)[LEADERBOARD_JOB]

    assert await job.func(*job.args) == RefreshResult(ranked=1)
    async with uow_factory() as uow:
        assert [entry.name for entry in await uow.leaderboard.top(5, BoardKind.ALL_TIME, 0)] == [
            "ada"
        ]


async def test_the_full_refresh_runs_nightly_in_the_default_time_zone_unless_turned_off(
    uow_factory: UowFactory, clock: FixedClock
) -> None:
    async with build_scheduler(uow_factory, clock, settings(), Metrics()) as scheduler:
        job = next(job for job in scheduler.jobs if job.id == FULL_REFRESH_JOB)

    monday_noon = datetime(2026, 3, 2, 12, tzinfo=UTC)
    tuesday_0330_in_berlin = datetime(2026, 3, 3, 2, 30, tzinfo=UTC)
    assert job.trigger.get_next_fire_time(None, monday_noon) == tuesday_0330_in_berlin
    assert (job.coalesce, job.max_instances, job.misfire_grace_time) == (True, 1, 3600)
    weekly = settings().model_copy(update={"leaderboard_full_refresh_cron": "0 4 * * sun"})
    sunday = scheduled(uow_factory, clock, weekly)[FULL_REFRESH_JOB]
    sunday_4am = "cron[month='*', day='*', day_of_week='sun', hour='4', minute='0']"
    assert str(sunday.trigger) == sunday_4am
    off = Settings(leaderboard_full_refresh_cron="")
    assert FULL_REFRESH_JOB not in scheduled(uow_factory, clock, off)


async def test_a_run_of_the_full_refresh_repairs_a_score_changed_behind_the_adapters_back(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    async with uow_factory() as uow:
        ada = await uow.learners.add(TelegramProfile(7, "ada"), clock.now())
        lesson = Progress.begin(ada.id, course.first_lesson, clock.now())
        await uow.progress.add(lesson.completed(10, clock.now()))
        await uow.commit()
    jobs = scheduled(uow_factory, clock)
    refresh, full_refresh = jobs[LEADERBOARD_JOB], jobs[FULL_REFRESH_JOB]
    await refresh.func(*refresh.args)
    async with engine.begin() as connection:
        await connection.execute(sa.update(ProgressRow).values(score=ProgressRow.score + 5))

    await refresh.func(*refresh.args)
    assert await total_score(uow_factory, ada.id) == 10
    assert await full_refresh.func(*full_refresh.args, **full_refresh.kwargs) == RefreshResult(1)
    assert await total_score(uow_factory, ada.id) == 15


async def total_score(uow_factory: UowFactory, user_id: int) -> int | None:
    async with uow_factory() as uow:
        entry = await uow.leaderboard.entry(user_id)
        return None if entry is None else entry.total_score


def notifier_factory(notifier: FakeNotifier) -> Callable[[], AbstractAsyncContextManager[Notifier]]:
    @asynccontextmanager
    async def reach() -> AsyncIterator[Notifier]:
        yield notifier

    return reach


async def test_reminders_are_scheduled_hourly_only_with_a_notifier(
    uow_factory: UowFactory, clock: FixedClock
) -> None:
    reach = notifier_factory(FakeNotifier())
    jobs = scheduled(uow_factory, clock, reach=reach)

    assert set(jobs) == {LEADERBOARD_JOB, UPDATES_JOB, FULL_REFRESH_JOB, LEAGUES_JOB, REMINDERS_JOB}
    job = jobs[REMINDERS_JOB]
    assert isinstance(job.trigger, CronTrigger)
    assert str(job.trigger.fields[CronTrigger.FIELD_NAMES.index("minute")]) == "0"
    assert (job.coalesce, job.max_instances, job.misfire_grace_time) == (True, 1, 900)


async def test_a_run_of_the_reminders_job_reminds_a_learner_once(
    uow_factory: UowFactory, clock: FixedClock
) -> None:
    async with uow_factory() as uow:
        learner = await uow.learners.add(TelegramProfile(7, "ada"), clock.now())
        await uow.learners.set_timezone(learner.id, "Asia/Tokyo", clock.now())
        await uow.reminders.choose(learner.id, 8, clock.now())
        await uow.calendar.mark(learner.id, date(2026, 3, 2))
        await uow.commit()
    clock.current = datetime(2026, 3, 2, 23, 5, tzinfo=UTC)
    notifier = FakeNotifier()
    job = scheduled(uow_factory, clock, reach=notifier_factory(notifier))[REMINDERS_JOB]

    assert await job.func(*job.args) == ReminderReport(sent=1)
    assert await job.func(*job.args) == ReminderReport()
    assert [telegram_id for telegram_id, _ in notifier.sent] == [7]


async def test_the_application_schedules_reminders_only_with_a_bot_token(
    engine: AsyncEngine,
) -> None:
    def job_ids(token: str | None) -> set[str]:
        config = Settings(bot_token=None if token is None else SecretStr(token))
        sessions = create_session_factory(engine)
        learnbot = Application(config, engine, sessions, SystemClock(), CatalogueCache(), Metrics())
        return {job.id for job in learnbot.scheduler().jobs}

    assert REMINDERS_JOB in job_ids("42:token")
    assert REMINDERS_JOB not in job_ids(None)


async def test_the_leagues_rollover_runs_hourly_in_the_default_time_zone_unless_turned_off(
    uow_factory: UowFactory, clock: FixedClock
) -> None:
    job = scheduled(uow_factory, clock)[LEAGUES_JOB]

    sunday_night = datetime(2026, 3, 1, 22, 30, tzinfo=UTC)
    monday_0005_in_berlin = datetime(2026, 3, 1, 23, 5, tzinfo=UTC)
    assert job.trigger.get_next_fire_time(None, sunday_night) == monday_0005_in_berlin
    assert job.misfire_grace_time == 3600
    assert LEAGUES_JOB not in scheduled(uow_factory, clock, Settings(league_rollover_cron=""))


async def test_a_run_of_the_leagues_job_closes_the_week_once_and_tells_each_member_once(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    """Ada completes a lesson the week before; Monday forms her league, and the Monday
    after closes it and tells her, once, in her language."""
    async with uow_factory() as uow:
        ada = await uow.learners.add(TelegramProfile(7, "ada", language_code="ru"), clock.now())
        lesson = Progress.begin(ada.id, course.first_lesson, clock.now())
        await uow.progress.add(lesson.completed(10, clock.now()))
        await uow.commit()
    notifier = FakeNotifier()
    config = Settings(default_timezone="UTC")
    job = scheduled(uow_factory, clock, config, notifier_factory(notifier), told)[LEAGUES_JOB]

    clock.current = datetime(2026, 3, 9, 0, 5, tzinfo=UTC)
    formed, _ = await job.func(*job.args)
    clock.current = datetime(2026, 3, 16, 0, 5, tzinfo=UTC)
    closed, report = await job.func(*job.args)
    again, nothing = await job.func(*job.args)

    assert formed.closed == [date(2026, 3, 2)]
    assert formed.placed == 1
    assert closed.closed == [date(2026, 3, 9)]
    assert again.closed == []
    assert (report, nothing) == (NewsReport(sent=1), NewsReport())
    assert notifier.sent == [(7, "ru 1 0")]


def told(result: LeagueResult) -> str:
    return f"{result.locale} {result.place} {result.score}"
