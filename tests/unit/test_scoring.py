"""Scoring: first tries earn full points, later ones half, and only a full set completes."""

from domain.enums import ActivityType, ProgressStatus
from domain.learners import Learner
from domain.services import ProgressService

from .conftest import START
from .course import PICK_MANY, PICK_ONE, RIGHT, TYPE_IT, VARIABLES, WRONG
from .fakes import FakeClock, FakeUnitOfWork, assert_logged, logged

STARTED, COMPLETED = ActivityType.LESSON_STARTED, ActivityType.LESSON_COMPLETED
ATTEMPTED, SOLVED = ActivityType.CHALLENGE_ATTEMPTED, ActivityType.CHALLENGE_SOLVED
EARNED = ActivityType.ACHIEVEMENT_EARNED


async def test_first_try_solutions_earn_full_points(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await progress_service.start_lesson(learner, VARIABLES)
    for challenge_id in (PICK_ONE, PICK_MANY, TYPE_IT):
        outcome = await progress_service.answer(learner, challenge_id, RIGHT[challenge_id])

    assert outcome.lesson_completed
    assert outcome.take_score == 10 + 5 + 7
    assert uow.saved.progress[learner.id, VARIABLES].score == 22


async def test_later_solutions_earn_half_rounded_down(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await progress_service.start_lesson(learner, VARIABLES)
    await progress_service.answer(learner, PICK_ONE, RIGHT[PICK_ONE])
    await progress_service.answer(learner, PICK_MANY, WRONG[PICK_MANY])
    await progress_service.answer(learner, PICK_MANY, RIGHT[PICK_MANY])
    await progress_service.answer(learner, TYPE_IT, WRONG[TYPE_IT])
    await progress_service.answer(learner, TYPE_IT, WRONG[TYPE_IT])
    outcome = await progress_service.answer(learner, TYPE_IT, RIGHT[TYPE_IT])

    assert outcome.take_score == 10 + 5 // 2 + 7 // 2 == 15
    assert outcome.progress.attempts == 6
    assert uow.saved.progress[learner.id, VARIABLES].attempts == 6


async def test_lesson_stays_in_progress_until_every_challenge_is_solved(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await progress_service.start_lesson(learner, VARIABLES)
    await progress_service.answer(learner, PICK_ONE, RIGHT[PICK_ONE])
    outcome = await progress_service.answer(learner, PICK_MANY, RIGHT[PICK_MANY])

    progress = uow.saved.progress[learner.id, VARIABLES]
    assert not outcome.lesson_completed
    assert outcome.take_score is None
    assert outcome.next_challenge is not None
    assert outcome.next_challenge.id == TYPE_IT
    assert (progress.status, progress.score, progress.completed_at) == (
        ProgressStatus.IN_PROGRESS,
        None,
        None,
    )


async def test_wrong_answer_points_at_the_next_unsolved_challenge_wrapping_round(
    progress_service: ProgressService, learner: Learner
) -> None:
    await progress_service.start_lesson(learner, VARIABLES)
    await progress_service.answer(learner, PICK_ONE, WRONG[PICK_ONE])
    await progress_service.answer(learner, PICK_MANY, RIGHT[PICK_MANY])
    outcome = await progress_service.answer(learner, TYPE_IT, WRONG[TYPE_IT])

    assert not outcome.is_correct
    assert outcome.next_challenge is not None
    assert outcome.next_challenge.id == PICK_ONE


async def test_completion_is_recorded_with_its_moment_and_logged(
    progress_service: ProgressService, uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    await progress_service.start_lesson(learner, VARIABLES)
    await progress_service.answer(learner, PICK_ONE, WRONG[PICK_ONE])
    await progress_service.answer(learner, PICK_ONE, RIGHT[PICK_ONE])
    await progress_service.answer(learner, PICK_MANY, RIGHT[PICK_MANY])
    finished_at = clock.advance(minutes=5)
    await progress_service.answer(learner, TYPE_IT, RIGHT[TYPE_IT])

    progress = uow.saved.progress[learner.id, VARIABLES]
    assert progress.status is ProgressStatus.COMPLETED
    assert (progress.started_at, progress.completed_at) == (START, finished_at)
    first_try, second_try = [ATTEMPTED, SOLVED], [ATTEMPTED, ATTEMPTED, SOLVED]
    expected = [STARTED, *second_try, *first_try, *first_try, COMPLETED, EARNED, EARNED]
    assert_logged(uow.saved, learner.id, *expected)
    [lesson_done] = logged(uow.saved, learner.id, COMPLETED)
    assert lesson_done.entity_id == VARIABLES
    assert lesson_done.details == {"score": 17, "take": 1, "best_score": 17, "retake": False}


async def test_starting_a_lesson_twice_logs_one_start(
    progress_service: ProgressService, uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    first = await progress_service.start_lesson(learner, VARIABLES)
    clock.advance(hours=1)
    again = await progress_service.start_lesson(learner, VARIABLES)

    assert again == first
    assert again.status is ProgressStatus.IN_PROGRESS
    assert_logged(uow.saved, learner.id, STARTED)
