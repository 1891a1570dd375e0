"""The daily goal: picked from the offered ones, and today's points counted in the
learner's own day, as the weekly board counts points."""

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from domain.errors import LearnerNotFound
from domain.goals import DEFAULT_DAILY_GOAL, DailyProgress, day_start
from domain.learners import Learner
from domain.services import JourneyService, LearnerService, ProgressService
from tests.support.use_cases import committed

from .conftest import MakeLearner
from .course import PICK_MANY, PICK_ONE, READING, RIGHT, TYPE_IT, VARIABLES
from .fakes import FakeClock, FakeUnitOfWork


async def test_a_learner_starts_with_the_default_goal_and_picks_an_offered_one(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    learner = await make_learner()
    await committed(LearnerService(uow, clock)).set_daily_goal(learner.id, 50)

    assert learner.daily_goal == DEFAULT_DAILY_GOAL == 20
    chosen = await uow.learners.get(learner.id)
    assert chosen is not None
    assert chosen.daily_goal == 50


@pytest.mark.parametrize("points", [0, 15, 1000])
async def test_a_goal_that_is_not_offered_is_refused(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner, points: int
) -> None:
    learner = await make_learner()
    before = uow.saved.snapshot()

    with pytest.raises(ValueError, match="daily goal"):
        await committed(LearnerService(uow, clock)).set_daily_goal(learner.id, points)
    with pytest.raises(LearnerNotFound):
        await committed(LearnerService(uow, clock)).set_daily_goal(999, 10)
    assert uow.saved == before


async def today_after_a_lesson(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner, timezone: str | None
) -> JourneyService:
    """The learner completes a lesson worth 22 points and two achievements of 5."""
    learner = await make_learner(timezone=timezone)
    progress = committed(ProgressService(uow, clock, "UTC"))
    await progress.start_lesson(learner, VARIABLES)
    for challenge in (PICK_ONE, PICK_MANY, TYPE_IT):
        await progress.answer(learner, challenge, RIGHT[challenge])
    return committed(JourneyService(uow, clock, "UTC"))


async def test_todays_points_count_lessons_and_achievements_of_today(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    journey = await today_after_a_lesson(uow, clock, make_learner, None)
    (learner,) = uow.saved.learners.values()

    assert await journey.today(learner) == DailyProgress(20, 32)
    assert (await journey.report(learner)).today.is_met
    clock.advance(days=1)
    assert await journey.today(learner) == DailyProgress(20, 0)


async def test_today_ends_at_midnight_in_the_learners_zone(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    """Noon UTC is 21:00 in Tokyo: four hours later it is tomorrow there."""
    journey = await today_after_a_lesson(uow, clock, make_learner, "Asia/Tokyo")
    (learner,) = uow.saved.learners.values()
    clock.advance(hours=4)

    today = await journey.today(learner)

    assert (today.points, today.left, today.is_met) == (0, 20, False)


def test_the_day_starts_at_local_midnight() -> None:
    now = datetime(2025, 3, 10, 16, 0, tzinfo=UTC)

    assert day_start(now, "Asia/Tokyo") == datetime(2025, 3, 10, 15, 0, tzinfo=UTC)
    assert day_start(now, "UTC") == datetime(2025, 3, 10, tzinfo=UTC)


async def solve_variables(progress: ProgressService, learner: Learner) -> list[bool]:
    """Whether each answer (22 points and two achievements of 5 at the last) met the goal."""
    await progress.start_lesson(learner, VARIABLES)
    return [
        (await progress.answer(learner, challenge, RIGHT[challenge], attempt=1)).goal_met
        for challenge in (PICK_ONE, PICK_MANY, TYPE_IT)
    ]


async def test_the_answer_that_meets_the_goal_announces_it_and_a_replay_does_not(
    progress_service: ProgressService, learner: Learner
) -> None:
    assert await solve_variables(progress_service, learner) == [False, False, True]
    await progress_service.start_lesson(learner, VARIABLES)
    replay = await progress_service.answer(learner, TYPE_IT, RIGHT[TYPE_IT], attempt=1)
    assert (replay.replayed, replay.goal_met) == (True, False)


async def test_a_goal_already_met_today_is_not_announced_again(
    uow: FakeUnitOfWork, clock: FakeClock, progress_service: ProgressService, learner: Learner
) -> None:
    await committed(LearnerService(uow, clock)).set_daily_goal(learner.id, 10)
    learner = replace(learner, daily_goal=10)
    await solve_variables(progress_service, learner)

    completion = await progress_service.finish_reading(learner, READING)

    assert completion is not None
    assert not completion.goal_met


@pytest.mark.parametrize(("goal", "met"), [(30, True), (50, False)])
async def test_yesterdays_points_do_not_count_towards_today(
    clock: FakeClock, progress_service: ProgressService, learner: Learner, goal: int, met: bool
) -> None:
    """Reading completes the basics the next day: 20 and the 50-point milestone's 10."""
    learner = replace(learner, daily_goal=goal)
    await solve_variables(progress_service, learner)
    clock.advance(days=1)

    completion = await progress_service.finish_reading(learner, READING)

    assert completion is not None
    assert completion.goal_met is met
