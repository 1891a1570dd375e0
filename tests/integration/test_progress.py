"""Answering through the SQL adapters: scoring, completion, achievements, idempotency."""

import asyncio

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.catalogue import Submission
from domain.enums import ActivityType, ProgressStatus
from domain.errors import ContentUnavailable
from domain.learners import Learner, TelegramProfile
from domain.services import LearnerService, ProgressService
from infrastructure.db.models import ActivityRow, AnswerRow, EarnedRow
from tests.integration.conftest import UowFactory
from tests.support.answering import opened_answer
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.queries import count_rows
from tests.support.use_cases import committed

RIGHT = Submission(frozenset({1}))
WRONG = Submission(frozenset({0}))


@pytest.fixture
async def learner(uow_factory: UowFactory, clock: FixedClock) -> Learner:
    async with uow_factory() as uow:
        return await committed(LearnerService(uow, clock)).register(TelegramProfile(7, "ada"))


async def answer(
    uow_factory: UowFactory,
    clock: FixedClock,
    learner: Learner,
    challenge: int,
    submission: Submission,
    attempt: int | None = None,
):
    async with uow_factory() as uow:
        return await opened_answer(
            uow,
            committed(ProgressService(uow, clock, "UTC")),
            learner,
            challenge,
            submission,
            attempt,
        )


async def test_a_lesson_is_scored_and_completed_when_every_challenge_is_solved(
    uow_factory: UowFactory, clock: FixedClock, learner: Learner, course: Course
) -> None:
    await answer(uow_factory, clock, learner, course.single, WRONG)
    await answer(uow_factory, clock, learner, course.single, RIGHT)
    outcome = await answer(uow_factory, clock, learner, course.text, Submission(text=" PRINT "))

    assert outcome.lesson_completed
    assert outcome.take_score == 10 // 2 + 5
    async with uow_factory() as uow:
        progress = await uow.progress.get(learner.id, course.first_lesson)
    assert progress is not None
    assert (progress.status, progress.score, progress.attempts) == (
        ProgressStatus.COMPLETED,
        10,
        3,
    )
    assert progress.completed_at == clock.now()


async def test_achievements_are_awarded_once_with_their_activity(
    uow_factory: UowFactory,
    clock: FixedClock,
    learner: Learner,
    course: Course,
    engine: AsyncEngine,
) -> None:
    await answer(uow_factory, clock, learner, course.single, RIGHT)
    outcome = await answer(uow_factory, clock, learner, course.text, Submission(text="print"))

    assert {a.slug for a in outcome.new_achievements} == {"first-lesson", "solver"}
    async with uow_factory() as uow:
        await committed(ProgressService(uow, clock, "UTC")).finish_reading(learner, course.reading)
        earned = {item.achievement.slug for item in await uow.achievements.earned(learner.id)}
    assert earned == {"first-lesson", "solver", "basics-done", "thirty"}
    assert await count_rows(engine, EarnedRow) == 4
    assert (
        await count_rows(
            engine, ActivityRow, ActivityRow.activity_type == ActivityType.ACHIEVEMENT_EARNED
        )
        == 4
    )


async def test_a_replayed_answer_counts_once(
    uow_factory: UowFactory,
    clock: FixedClock,
    learner: Learner,
    course: Course,
    engine: AsyncEngine,
) -> None:
    first = await answer(uow_factory, clock, learner, course.single, WRONG, attempt=1)
    replay = await answer(uow_factory, clock, learner, course.single, RIGHT, attempt=1)

    assert not first.replayed
    assert replay.replayed
    assert not replay.is_correct, "the replay reports what was recorded"
    assert await count_rows(engine, AnswerRow) == 1
    assert (
        await count_rows(
            engine, ActivityRow, ActivityRow.activity_type == ActivityType.CHALLENGE_ATTEMPTED
        )
        == 1
    )


async def test_concurrent_double_taps_count_once(
    uow_factory: UowFactory,
    clock: FixedClock,
    learner: Learner,
    course: Course,
    engine: AsyncEngine,
) -> None:
    outcomes = await asyncio.gather(
        *(answer(uow_factory, clock, learner, course.single, RIGHT, attempt=1) for _ in range(5))
    )

    assert sum(not outcome.replayed for outcome in outcomes) == 1
    assert await count_rows(engine, AnswerRow) == 1
    assert (
        await count_rows(
            engine, ActivityRow, ActivityRow.activity_type == ActivityType.CHALLENGE_SOLVED
        )
        == 1
    )
    assert (
        await count_rows(
            engine, ActivityRow, ActivityRow.activity_type == ActivityType.LESSON_STARTED
        )
        == 1
    )
    async with uow_factory() as uow:
        progress = await uow.progress.get(learner.id, course.first_lesson)
    assert progress is not None
    assert progress.attempts == 1


async def test_a_retake_never_lowers_the_score(
    uow_factory: UowFactory, clock: FixedClock, learner: Learner, course: Course
) -> None:
    await answer(uow_factory, clock, learner, course.single, RIGHT)
    await answer(uow_factory, clock, learner, course.text, Submission(text="print"))
    async with uow_factory() as uow:
        await committed(ProgressService(uow, clock, "UTC")).retake_lesson(
            learner, course.first_lesson, 1
        )

    await answer(uow_factory, clock, learner, course.single, WRONG)
    await answer(uow_factory, clock, learner, course.single, RIGHT)
    outcome = await answer(uow_factory, clock, learner, course.text, Submission(text="print"))

    assert outcome.lesson_completed
    assert outcome.take_score == 10
    assert not outcome.new_achievements
    assert (outcome.progress.take, outcome.progress.score) == (2, 15)


async def test_unpublished_content_cannot_be_answered(
    uow_factory: UowFactory, clock: FixedClock, learner: Learner, course: Course
) -> None:
    with pytest.raises(ContentUnavailable):
        await answer(
            uow_factory, clock, learner, course.hidden_challenge, Submission(frozenset({0}))
        )
