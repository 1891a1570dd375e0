"""A level reached is announced by the answer (or the read lesson) whose points reach it,
and by nothing else: not by a replay, a wrong answer or a retake that adds no points."""

import pytest

from domain.learners import Learner
from domain.levels import CurveKind, LevelCurve
from domain.services import JourneyService, ProgressService
from tests.support.use_cases import committed

from .course import PICK_MANY, PICK_ONE, READING, RIGHT, TYPE_IT, VARIABLES, WRONG
from .fakes import FakeClock, FakeUnitOfWork

TENS = LevelCurve(CurveKind.LINEAR, base=10, levels=10)


@pytest.fixture
def service(uow: FakeUnitOfWork, clock: FakeClock) -> ProgressService:
    return committed(ProgressService(uow, clock, "UTC", TENS))


async def solve_variables(service: ProgressService, learner: Learner) -> int | None:
    """Each challenge at the first try; the level the last (completing) answer reached."""
    await service.start_lesson(learner, VARIABLES)
    for challenge in (PICK_ONE, PICK_MANY):
        assert (await service.answer(learner, challenge, RIGHT[challenge])).level_reached is None
    return (await service.answer(learner, TYPE_IT, RIGHT[TYPE_IT])).level_reached


async def test_completing_a_lesson_announces_the_level_its_points_reach(
    service: ProgressService, learner: Learner
) -> None:
    """22 lesson points, then 5 + 5 for two achievements: 32 points, level 4."""
    assert await solve_variables(service, learner) == 4


async def test_a_replayed_answer_announces_nothing(
    service: ProgressService, learner: Learner
) -> None:
    await service.start_lesson(learner, VARIABLES)
    await service.answer(learner, PICK_ONE, RIGHT[PICK_ONE], attempt=1)
    await service.answer(learner, PICK_MANY, RIGHT[PICK_MANY], attempt=1)
    first = await service.answer(learner, TYPE_IT, RIGHT[TYPE_IT], attempt=1)
    again = await service.answer(learner, TYPE_IT, RIGHT[TYPE_IT], attempt=1)

    assert (first.level_reached, again.replayed, again.level_reached) == (4, True, None)


async def test_a_wrong_answer_announces_nothing(service: ProgressService, learner: Learner) -> None:
    await service.start_lesson(learner, VARIABLES)
    outcome = await service.answer(learner, PICK_ONE, WRONG[PICK_ONE])

    assert outcome.level_reached is None


async def test_a_retake_that_adds_no_points_announces_nothing(
    service: ProgressService, learner: Learner
) -> None:
    await solve_variables(service, learner)
    await service.retake_lesson(learner, VARIABLES, from_take=1)

    assert await solve_variables(service, learner) is None


async def test_a_read_lesson_announces_what_its_achievements_reach(
    service: ProgressService, learner: Learner
) -> None:
    """Reading completes the basics: 32 + 20, which earns the 50-point milestone: 62."""
    await solve_variables(service, learner)
    completion = await service.finish_reading(learner, READING)

    assert completion is not None
    assert completion.level_reached == 7


async def test_the_report_and_the_profile_show_the_level_and_what_is_left(
    service: ProgressService, uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    await solve_variables(service, learner)
    journey = committed(JourneyService(uow, clock, "UTC", TENS))

    report = await journey.report(learner)
    level = await journey.level(learner)

    assert (report.level.number, report.level.to_next) == (4, 8)
    assert level == report.level
