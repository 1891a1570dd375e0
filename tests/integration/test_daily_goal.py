"""The daily goal on the users table, and today's points read from a learner's rows."""

import pytest

from domain.catalogue import Submission
from domain.goals import DailyProgress
from domain.learners import Learner, TelegramProfile
from domain.services import JourneyService, LearnerService, ProgressService, ReminderService
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock
from tests.support.course import Course


@pytest.fixture
async def grace(uow_factory: UowFactory, clock: FixedClock) -> Learner:
    async with uow_factory() as uow:
        return await LearnerService(uow, clock).register(TelegramProfile(11, "grace"))


async def test_the_goal_is_stored_and_read_with_the_learner_and_by_reminders(
    uow_factory: UowFactory, clock: FixedClock, grace: Learner
) -> None:
    async with uow_factory() as uow:
        await LearnerService(uow, clock).set_daily_goal(grace.id, 30)
        await ReminderService(uow, clock, "UTC").choose(grace.id, 8)
    async with uow_factory() as uow:
        stored = await uow.learners.get(grace.id)
        (candidate,) = await uow.reminders.candidates()

    assert grace.daily_goal == 20
    assert stored is not None
    assert (stored.daily_goal, candidate.daily_goal) == (30, 30)


async def test_todays_points_are_counted_from_local_midnight(
    uow_factory: UowFactory, clock: FixedClock, grace: Learner, course: Course
) -> None:
    """15 lesson points and 5 for the first lesson; 09:30 UTC is 18:30 in Tokyo."""
    async with uow_factory() as uow:
        await LearnerService(uow, clock).set_timezone(grace.id, "Asia/Tokyo")
        tokyo = await uow.learners.get(grace.id)
        assert tokyo is not None
        progress = ProgressService(uow, clock, "UTC")
        await progress.answer(tokyo, course.single, Submission(frozenset({1})))
        await progress.answer(tokyo, course.text, Submission(text="print"))
    async with uow_factory() as uow:
        journey = JourneyService(uow, clock, "UTC")
        today = await journey.today(tokyo)
        clock.advance(hours=6)
        tomorrow = await journey.today(tokyo)

    assert today == DailyProgress(20, 20)
    assert today.is_met
    assert tomorrow == DailyProgress(20, 0)
