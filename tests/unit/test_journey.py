"""The learner's map of the course: marks, bars, where to resume, and the challenge steps."""

import pytest

from domain.catalogue import Submission
from domain.enums import ProgressStatus
from domain.errors import ContentUnavailable
from domain.learners import Learner
from domain.services import JourneyService, LearnerService, ProgressService
from tests.support.use_cases import committed

from .course import (
    BASICS,
    FOR_LOOPS,
    LOOPS,
    PICK_MANY,
    PICK_ONE,
    READING,
    RIGHT,
    TYPE_IT,
    VARIABLES,
)
from .fakes import FakeClock, FakeUnitOfWork


@pytest.fixture
def journey(uow: FakeUnitOfWork, clock: FakeClock) -> JourneyService:
    return committed(JourneyService(uow, clock, "UTC"))


async def test_published_modules_come_in_order_with_marks_and_no_texts(
    journey: JourneyService, learner: Learner, progress_service: ProgressService
) -> None:
    await progress_service.start_lesson(learner, VARIABLES)

    modules = await journey.modules(learner)

    assert [item.module.id for item in modules] == [BASICS, LOOPS]
    marks = [(item.lesson.id, item.status) for item in modules[0].lessons]
    assert marks == [(VARIABLES, ProgressStatus.IN_PROGRESS), (READING, ProgressStatus.NOT_STARTED)]
    assert all(item.lesson.content is None for item in modules[0].lessons)


async def test_resume_prefers_a_lesson_in_progress_then_the_next_new_one(
    journey: JourneyService, learner: Learner, progress_service: ProgressService
) -> None:
    assert (await journey.resume(learner)).id == VARIABLES  # type: ignore[union-attr]
    await progress_service.finish_reading(learner, READING)
    await progress_service.start_lesson(learner, FOR_LOOPS)

    assert (await journey.resume(learner)).id == FOR_LOOPS  # type: ignore[union-attr]


async def test_a_module_bar_counts_completed_lessons(
    journey: JourneyService, learner: Learner, progress_service: ProgressService
) -> None:
    await progress_service.finish_reading(learner, READING)

    basics = await journey.module(learner, BASICS)

    assert (basics.completed, basics.total, basics.is_completed) == (1, 2, False)
    with pytest.raises(ContentUnavailable):
        await journey.module(learner, 999)


async def test_open_challenge_gives_the_first_unsolved_with_its_next_attempt(
    learner: Learner, progress_service: ProgressService
) -> None:
    await progress_service.start_lesson(learner, VARIABLES)
    await progress_service.answer(learner, PICK_ONE, Submission({0}), attempt=1)
    step = await progress_service.open_challenge(learner, VARIABLES)
    assert step is not None
    assert (step.challenge.id, step.attempt, step.solved) == (PICK_ONE, 2, False)

    await progress_service.answer(learner, PICK_ONE, Submission({1}), attempt=2)
    step = await progress_service.open_challenge(learner, VARIABLES)
    assert step is not None
    assert (step.challenge.id, step.attempt, step.position, step.count) == (PICK_MANY, 1, 2, 3)


async def test_open_challenge_refuses_a_challenge_of_another_lesson(
    learner: Learner, progress_service: ProgressService
) -> None:
    with pytest.raises(ContentUnavailable):
        await progress_service.open_challenge(learner, READING, TYPE_IT)


async def test_the_pending_text_challenge_is_written_only_when_it_changes(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    service = committed(LearnerService(uow, clock))
    await service.await_answer(learner, TYPE_IT)
    writes = uow.learners.writes
    saved = uow.saved.learners[learner.id]
    await service.await_answer(saved, TYPE_IT)

    assert saved.pending_challenge_id == TYPE_IT
    assert uow.learners.writes == writes


async def test_the_right_typed_answer_ends_the_wait_in_the_answers_own_commit(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner, progress_service: ProgressService
) -> None:
    await committed(LearnerService(uow, clock)).await_answer(learner, TYPE_IT)
    waiting = uow.saved.learners[learner.id]
    await progress_service.start_lesson(waiting, VARIABLES)
    await progress_service.answer(waiting, TYPE_IT, Submission(text="input"))
    assert uow.saved.learners[learner.id].pending_challenge_id == TYPE_IT
    commits = uow.commits
    await progress_service.answer(waiting, TYPE_IT, RIGHT[TYPE_IT])

    assert uow.saved.learners[learner.id].pending_challenge_id is None
    assert uow.commits == commits + 1
