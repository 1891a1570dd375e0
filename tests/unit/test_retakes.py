"""Retakes: another take of a completed lesson keeps the best score and awards nothing twice."""

import pytest

from domain.enums import ActivityType
from domain.errors import InvalidSubmission
from domain.learners import Learner
from domain.services import ProgressService

from .course import FOR_LOOPS, LOOP_QUIZ, RIGHT, VARIABLES, WRONG
from .fakes import FakeUnitOfWork, logged


async def solve_loops(service: ProgressService, learner: Learner, wrong_first: bool) -> int | None:
    await service.start_lesson(learner, FOR_LOOPS)
    if wrong_first:
        await service.answer(learner, LOOP_QUIZ, WRONG[LOOP_QUIZ])
    outcome = await service.answer(learner, LOOP_QUIZ, RIGHT[LOOP_QUIZ])
    assert outcome.lesson_completed
    return outcome.take_score


async def test_only_a_completed_lesson_can_be_retaken(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    with pytest.raises(InvalidSubmission):
        await progress_service.retake_lesson(learner, FOR_LOOPS, from_take=1)
    await progress_service.start_lesson(learner, FOR_LOOPS)
    await progress_service.answer(learner, LOOP_QUIZ, WRONG[LOOP_QUIZ])
    with pytest.raises(InvalidSubmission):
        await progress_service.retake_lesson(learner, FOR_LOOPS, from_take=1)

    assert uow.saved.progress[learner.id, FOR_LOOPS].take == 1


async def test_a_repeated_retake_request_begins_one_take(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await solve_loops(progress_service, learner, wrong_first=False)

    first = await progress_service.retake_lesson(learner, FOR_LOOPS, from_take=1)
    repeated = await progress_service.retake_lesson(learner, FOR_LOOPS, from_take=1)

    assert first.take == repeated.take == 2
    assert uow.saved.progress[learner.id, FOR_LOOPS].take == 2


async def test_a_retake_answers_afresh(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await solve_loops(progress_service, learner, wrong_first=False)
    await progress_service.retake_lesson(learner, FOR_LOOPS, from_take=1)

    await progress_service.start_lesson(learner, FOR_LOOPS)
    outcome = await progress_service.answer(learner, LOOP_QUIZ, WRONG[LOOP_QUIZ], attempt=1)

    assert not outcome.replayed
    assert [(row.take, row.attempt) for row in uow.answers.of(learner.id, LOOP_QUIZ)] == [
        (1, 1),
        (2, 1),
    ]


async def test_a_worse_retake_keeps_the_best_score(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await solve_loops(progress_service, learner, wrong_first=False)
    completed_at = uow.saved.progress[learner.id, FOR_LOOPS].completed_at
    earned = dict(uow.saved.earned)
    await progress_service.retake_lesson(learner, FOR_LOOPS, from_take=1)

    assert await solve_loops(progress_service, learner, wrong_first=True) == 2

    progress = uow.saved.progress[learner.id, FOR_LOOPS]
    assert (progress.score, progress.take, progress.completed_at) == (4, 2, completed_at)
    assert uow.saved.earned == earned
    assert len(logged(uow.saved, learner.id, ActivityType.ACHIEVEMENT_EARNED)) == len(earned)
    last = logged(uow.saved, learner.id, ActivityType.LESSON_COMPLETED)[-1]
    assert last.details == {"score": 2, "take": 2, "best_score": 4, "retake": True}


async def test_a_better_retake_raises_the_score(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    assert await solve_loops(progress_service, learner, wrong_first=True) == 2
    earned = dict(uow.saved.earned)
    await progress_service.retake_lesson(learner, FOR_LOOPS, from_take=1)

    assert await solve_loops(progress_service, learner, wrong_first=False) == 4

    assert uow.saved.progress[learner.id, FOR_LOOPS].score == 4
    assert (await uow.totals.totals(learner.id)).lessons_completed == 1
    assert uow.saved.earned == earned


async def test_retaking_an_unstarted_lesson_writes_nothing(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    with pytest.raises(InvalidSubmission):
        await progress_service.retake_lesson(learner, VARIABLES, from_take=1)

    assert uow.working.progress == {}


async def test_a_retake_is_under_way_until_every_challenge_is_solved_again(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await solve_loops(progress_service, learner, wrong_first=False)
    done = await progress_service.start_lesson(learner, FOR_LOOPS)
    assert not await progress_service.retaking(learner, done)

    second = await progress_service.retake_lesson(learner, FOR_LOOPS, from_take=1)
    assert await progress_service.retaking(learner, second)
    await progress_service.start_lesson(learner, FOR_LOOPS)
    await progress_service.answer(learner, LOOP_QUIZ, WRONG[LOOP_QUIZ], attempt=1)
    assert await progress_service.retaking(learner, second)

    await progress_service.answer(learner, LOOP_QUIZ, RIGHT[LOOP_QUIZ], attempt=2)
    assert not await progress_service.retaking(learner, second)
