"""The fakes themselves: a unit of work that rolls back, and totals that match the SQL."""

from domain.achievements import LearnerTotals
from domain.catalogue import Submission
from domain.learners import Learner, TelegramProfile
from domain.ports import UnitOfWork
from domain.progress import AnswerRecord, Progress

from .conftest import START
from .course import BASICS_DONE, FIRST_LESSON, FOR_LOOPS, LOOP_QUIZ, PICK_ONE, READING, VARIABLES
from .fakes import FakeUnitOfWork


def as_port(uow: FakeUnitOfWork) -> UnitOfWork:
    """Type-checked only: mypy proves the fake satisfies the whole UnitOfWork protocol."""
    return uow


async def test_leaving_without_commit_rolls_back(uow: FakeUnitOfWork) -> None:
    async with as_port(uow) as transaction:
        await transaction.learners.add(TelegramProfile(1), START)

    assert uow.working.learners == uow.saved.learners == {}
    assert (uow.committed, uow.rollbacks) == (False, 1)


async def test_committed_work_survives_the_rollback_on_exit(uow: FakeUnitOfWork) -> None:
    async with uow:
        learner = await uow.learners.add(TelegramProfile(1), START)
        await uow.commit()
        await uow.learners.set_timezone(learner.id, "Asia/Tokyo", START)

    assert uow.committed
    assert uow.working.learners == uow.saved.learners == {learner.id: learner}


def completed(learner: Learner, lesson_id: int, score: int) -> Progress:
    return Progress.begin(learner.id, lesson_id, START).completed(score, START)


def answer(learner: Learner, challenge_id: int, take: int, correct: bool) -> AnswerRecord:
    return AnswerRecord(learner.id, challenge_id, take, 1, correct, Submission(), START)


async def test_totals_count_completed_lessons_solved_challenges_and_points(
    uow: FakeUnitOfWork, learner: Learner
) -> None:
    await uow.progress.add(completed(learner, VARIABLES, 15))
    await uow.progress.add(completed(learner, READING, 0))
    await uow.progress.add(Progress.begin(learner.id, FOR_LOOPS, START))
    for take in (1, 2):
        await uow.answers.add(answer(learner, PICK_ONE, take, correct=True))
    await uow.answers.add(answer(learner, LOOP_QUIZ, 1, correct=False))
    await uow.achievements.award(learner.id, FIRST_LESSON, START)
    await uow.achievements.award(learner.id, BASICS_DONE, START)
    await uow.achievements.award(99, BASICS_DONE, START)

    assert await uow.totals.totals(learner.id) == LearnerTotals(
        lessons_completed=2,
        challenges_solved=1,
        lesson_score=15,
        achievement_points=25,
        completed_modules=frozenset({"basics"}),
    )
