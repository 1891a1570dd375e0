"""The daily goal on the users table, today's points read from a learner's rows, and the
answer that meets the goal, on every backend."""

import asyncio
from dataclasses import replace

import pytest

from domain.catalogue import Submission
from domain.goals import DailyProgress
from domain.learners import Learner, TelegramProfile
from domain.services import JourneyService, LearnerService, ProgressService, ReminderService
from domain.services.progress import AnswerOutcome
from tests.integration.conftest import UowFactory
from tests.support.answering import opened_answer
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.use_cases import committed


@pytest.fixture
async def grace(uow_factory: UowFactory, clock: FixedClock) -> Learner:
    async with uow_factory() as uow:
        return await committed(LearnerService(uow, clock)).register(TelegramProfile(11, "grace"))


async def test_the_goal_is_stored_and_read_with_the_learner_and_by_reminders(
    uow_factory: UowFactory, clock: FixedClock, grace: Learner
) -> None:
    async with uow_factory() as uow:
        await committed(LearnerService(uow, clock)).set_daily_goal(grace.id, 30)
        await committed(ReminderService(uow, clock, "UTC")).choose(grace.id, 8)
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
        await committed(LearnerService(uow, clock)).set_timezone(grace.id, "Asia/Tokyo")
        tokyo = await uow.learners.get(grace.id)
        assert tokyo is not None
        progress = committed(ProgressService(uow, clock, "UTC"))
        await opened_answer(uow, progress, tokyo, course.single, Submission(frozenset({1})))
        await opened_answer(uow, progress, tokyo, course.text, Submission(text="print"))
    async with uow_factory() as uow:
        journey = committed(JourneyService(uow, clock, "UTC"))
        today = await journey.today(tokyo)
        clock.advance(hours=6)
        tomorrow = await journey.today(tokyo)

    assert today == DailyProgress(20, 20)
    assert today.is_met
    assert tomorrow == DailyProgress(20, 0)


async def first_attempt(
    uow_factory: UowFactory, clock: FixedClock, learner: Learner, challenge: int, typed: str
) -> AnswerOutcome:
    submission = Submission(text=typed) if typed else Submission(frozenset({1}))
    async with uow_factory() as uow:
        return await opened_answer(
            uow, committed(ProgressService(uow, clock, "UTC")), learner, challenge, submission, 1
        )


async def test_the_answer_that_meets_the_goal_announces_it_once(
    uow_factory: UowFactory, clock: FixedClock, grace: Learner, course: Course
) -> None:
    """15 lesson points and 5 for the first lesson meet the default goal of 20, in the
    standing the answer reads anyway; two more deliveries of it meet nothing."""
    single = await first_attempt(uow_factory, clock, grace, course.single, "")
    outcomes = await asyncio.gather(
        *(first_attempt(uow_factory, clock, grace, course.text, "print") for _ in range(3))
    )

    assert not single.goal_met
    assert sorted(outcome.goal_met for outcome in outcomes) == [False, False, True]


@pytest.mark.parametrize(("goal", "met"), [(20, True), (50, False)])
async def test_a_read_lesson_meets_the_goal_with_todays_points_only(
    uow_factory: UowFactory, clock: FixedClock, grace: Learner, course: Course, goal: int, met: bool
) -> None:
    """The next day, reading completes the basics: 20, and the 30-point milestone's 10."""
    await first_attempt(uow_factory, clock, grace, course.single, "")
    await first_attempt(uow_factory, clock, grace, course.text, "print")
    clock.advance(days=1)
    async with uow_factory() as uow:
        await committed(LearnerService(uow, clock)).set_daily_goal(grace.id, goal)
        completion = await committed(ProgressService(uow, clock, "UTC")).finish_reading(
            replace(grace, daily_goal=goal), course.reading
        )

    assert completion is not None
    assert completion.goal_met is met
