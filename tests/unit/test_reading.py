"""Lessons without challenges complete by reading them to the end."""

from domain.enums import ActivityType, ProgressStatus
from domain.learners import Learner
from domain.services import ProgressService

from .course import FIRST_LESSON, READING, VARIABLES
from .fakes import FakeClock, FakeUnitOfWork, assert_logged


async def test_finishing_a_reading_lesson_completes_it(
    progress_service: ProgressService, uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    completion = await progress_service.finish_reading(learner, READING)

    assert completion is not None
    progress = uow.saved.progress[learner.id, READING]
    assert completion.progress == progress
    assert (progress.status, progress.score, progress.attempts) == (ProgressStatus.COMPLETED, 0, 0)
    assert progress.completed_at == clock.now()
    assert [achievement.id for achievement in completion.new_achievements] == [FIRST_LESSON]
    assert (completion.streak.current, completion.streak.studied_today) == (1, True)
    assert_logged(
        uow.saved,
        learner.id,
        ActivityType.LESSON_STARTED,
        ActivityType.LESSON_COMPLETED,
        ActivityType.ACHIEVEMENT_EARNED,
    )


async def test_finishing_it_again_changes_nothing(
    progress_service: ProgressService, uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    await progress_service.finish_reading(learner, READING)
    before = uow.saved.snapshot()
    clock.advance(days=1)

    assert await progress_service.finish_reading(learner, READING) is None
    assert uow.working == before
    assert uow.saved == before


async def test_a_lesson_with_challenges_is_not_finished_by_reading(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    assert await progress_service.finish_reading(learner, VARIABLES) is None

    assert uow.saved.progress == {}
    assert uow.saved.activities == []
