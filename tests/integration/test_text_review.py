"""Typed review on every backend: the wait is stored when the card goes up, cleared by
the answer in the same transaction, and a second delivery of the answer counts nothing."""

import asyncio
import contextlib

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.catalogue import Submission
from domain.errors import StaleAnswer, StorageConflict
from domain.learners import Learner, TelegramProfile
from domain.review import ReviewRules, ReviewWait
from domain.services import LearnerService, ProgressService, ReviewService
from domain.services.review import ReviewOutcome
from infrastructure.db.models import ReviewCardRow, ReviewLogRow, ReviewWaitRow
from infrastructure.review import FsrsScheduler
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.queries import count_rows
from tests.support.use_cases import committed

RULES = ReviewRules(points=3)
SCHEDULER = FsrsScheduler(fuzz=False)


async def text_card_due(uow_factory: UowFactory, clock: FixedClock, course: Course) -> Learner:
    """Ada answered the text challenge wrong a day ago: its review 1 is due."""
    async with uow_factory() as uow:
        learner = await committed(LearnerService(uow, clock)).register(TelegramProfile(12, "ada"))
        progress = committed(
            ProgressService(uow, clock, "UTC", scheduler=SCHEDULER, review_rules=RULES)
        )
        await progress.start_lesson(learner, course.first_lesson)
        await committed(LearnerService(uow, clock)).await_answer(learner, course.text)
        waiting = await uow.learners.get(learner.id)
        assert waiting is not None
        await progress.answer(waiting, course.text, Submission(text="echo"), 1)
    clock.advance(days=1)
    return learner


async def put_up(uow_factory: UowFactory, clock: FixedClock, learner: Learner) -> int:
    async with uow_factory() as uow:
        service = committed(ReviewService(uow, clock, "UTC", SCHEDULER, RULES))
        step = await service.next_card(learner)
        assert step is not None
        await service.wait_for_typed(learner, step)
        return step.challenge.id


async def typed(
    uow_factory: UowFactory, clock: FixedClock, learner: Learner, text: str
) -> ReviewOutcome | None:
    async with uow_factory() as uow:
        return await committed(ReviewService(uow, clock, "UTC", SCHEDULER, RULES)).answer_typed(
            learner, text
        )


async def test_the_wait_is_stored_replaced_and_cleared_by_the_answer(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    ada = await text_card_due(uow_factory, clock, course)
    assert await put_up(uow_factory, clock, ada) == course.text
    clock.advance(seconds=30)
    await put_up(uow_factory, clock, ada)
    async with uow_factory() as uow:
        wait = await uow.review_waits.waiting(ada.id)
    assert wait == ReviewWait(ada.id, course.text, 1, clock.now())

    outcome = await typed(uow_factory, clock, ada, "Print()")

    assert outcome is not None
    assert (outcome.is_correct, outcome.replayed) == (True, False)
    assert await count_rows(engine, ReviewWaitRow.__table__) == 0
    assert await count_rows(engine, ReviewLogRow.__table__) == 1
    async with engine.connect() as connection:
        reps = await connection.scalar(sa.select(ReviewCardRow.reps))
    assert reps == 2
    assert await typed(uow_factory, clock, ada, "print") is None


async def test_a_typed_answer_delivered_three_times_counts_once(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    """Two replicas and a re-delivery: the card is read FOR UPDATE, the log row is unique,
    so one counts and the others find the wait gone or the card moved on."""
    ada = await text_card_due(uow_factory, clock, course)
    await put_up(uow_factory, clock, ada)

    async def deliver() -> ReviewOutcome | None:
        with contextlib.suppress(StorageConflict, StaleAnswer):
            return await typed(uow_factory, clock, ada, "print")
        return None

    outcomes = await asyncio.gather(*(deliver() for _ in range(3)))

    assert len([o for o in outcomes if o is not None and not o.replayed]) == 1
    assert await count_rows(engine, ReviewLogRow.__table__) == 1
    assert await count_rows(engine, ReviewWaitRow.__table__) == 0


async def test_a_stale_wait_changes_nothing(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    ada = await text_card_due(uow_factory, clock, course)
    await put_up(uow_factory, clock, ada)
    async with uow_factory() as uow:
        service = committed(ReviewService(uow, clock, "UTC", SCHEDULER, RULES))
        await service.answer(ada, course.text, Submission(text="print"), 1)

    async with uow_factory() as uow:
        service = committed(ReviewService(uow, clock, "UTC", SCHEDULER, RULES))
        with pytest.raises(StaleAnswer):
            await service.answer_typed(ada, "print")

    assert await count_rows(engine, ReviewLogRow.__table__) == 1
    assert await count_rows(engine, ReviewWaitRow.__table__) == 1


async def test_a_deleted_learner_takes_the_wait_along(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    ada = await text_card_due(uow_factory, clock, course)
    await put_up(uow_factory, clock, ada)
    async with uow_factory() as uow:
        await committed(LearnerService(uow, clock)).delete(ada.id)

    assert await count_rows(engine, ReviewWaitRow.__table__) == 0
