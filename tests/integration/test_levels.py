"""Levels through the SQL adapters: the completing answer announces the level once, also
when the same answer reaches two units of work at once (two replicas, one update)."""

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from domain.catalogue import Submission
from domain.learners import Learner, TelegramProfile
from domain.levels import CurveKind, LevelCurve
from domain.services import JourneyService, LearnerService, ProgressService
from domain.services.progress import AnswerOutcome
from tests.integration.conftest import UowFactory
from tests.support.answering import opened_answer
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.use_cases import committed

TENS = LevelCurve(CurveKind.LINEAR, base=10, levels=10)
RIGHT = Submission(frozenset({1}))
TYPED = Submission(text="print")


Answer = Callable[[int, Submission], Awaitable[AnswerOutcome]]


@pytest.fixture
async def ada(uow_factory: UowFactory, clock: FixedClock) -> Learner:
    async with uow_factory() as uow:
        return await committed(LearnerService(uow, clock)).register(TelegramProfile(7, "ada"))


@pytest.fixture
def answer(uow_factory: UowFactory, clock: FixedClock, ada: Learner) -> Answer:
    """Ada's first attempt at a challenge, in a unit of work of its own (an update)."""

    async def first_attempt(challenge: int, submission: Submission) -> AnswerOutcome:
        async with uow_factory() as uow:
            service = committed(ProgressService(uow, clock, "UTC", TENS))
            return await opened_answer(uow, service, ada, challenge, submission, attempt=1)

    return first_attempt


async def test_the_completing_answer_announces_the_level_once(
    answer: Answer, course: Course
) -> None:
    """15 lesson points and 5 for the first lesson: 20 points, level 3."""
    first = await answer(course.single, RIGHT)
    outcomes = await asyncio.gather(*(answer(course.text, TYPED) for _ in range(3)))

    assert first.level_reached is None
    assert sorted(outcome.level_reached or 0 for outcome in outcomes) == [0, 0, 3]
    assert [o.replayed for o in outcomes if o.level_reached is None] == [True, True]


async def test_a_read_lesson_announces_the_level_its_achievements_reach(
    uow_factory: UowFactory, clock: FixedClock, ada: Learner, answer: Answer, course: Course
) -> None:
    """Reading completes the basics: 20 + 20, which earns the 30-point milestone: 50."""
    await answer(course.single, RIGHT)
    await answer(course.text, TYPED)
    async with uow_factory() as uow:
        service = committed(ProgressService(uow, clock, "UTC", TENS))
        completion = await service.finish_reading(ada, course.reading)
        level = await committed(JourneyService(uow, clock, "UTC", TENS)).level(ada)

    assert completion is not None
    assert completion.level_reached == 6
    assert (level.number, level.to_next) == (6, 10)
