"""``learnbot leagues rollover`` and the league in ``learnbot users show``, on every backend,
against the real clock: Ada completed a lesson last week."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.leaderboard import week_start
from domain.learners import Learner, TelegramProfile
from domain.progress import Progress
from tests.integration.conftest import UowFactory
from tests.support.cli import learnbot, ok
from tests.support.clock import FixedClock
from tests.support.course import Course


@pytest.fixture
async def ada(uow_factory: UowFactory, course: Course) -> Learner:
    last_week = week_start(datetime.now(UTC), "UTC") - timedelta(days=3)
    clock = FixedClock(last_week)
    async with uow_factory() as uow:
        ada = await uow.learners.add(TelegramProfile(1001, "ada"), clock.now())
        lesson = Progress.begin(ada.id, course.first_lesson, clock.now())
        await uow.progress.add(lesson.completed(10, clock.now()))
        await uow.commit()
    return ada


async def test_the_rollover_closes_last_week_once_and_leaves_the_results_without_a_token(
    engine: AsyncEngine, ada: Learner
) -> None:
    first = ok(await learnbot(engine, "leagues", "rollover"))
    again = ok(await learnbot(engine, "leagues", "rollover", "--no-tell"))
    shown = ok(await learnbot(engine, "users", "show", str(ada.id)))

    assert "Closed the week of " in first
    assert "1 learner in this week's leagues" in first
    assert "BOT_TOKEN is not set: the results are left for the scheduled job." in first
    assert "Nothing to close: every week that ended is closed" in again
    assert "Results:" not in again
    assert "League: tier 1, place 1 of 1, " in shown


async def test_users_show_says_a_learner_is_in_no_league_yet(
    engine: AsyncEngine, ada: Learner
) -> None:
    shown = ok(await learnbot(engine, "users", "show", str(ada.id)))

    assert "League: none this week" in shown
