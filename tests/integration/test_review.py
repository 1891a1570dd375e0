"""Review cards on every backend: written with the answers (in the same write), read
when due in one statement, and a review answer counted once however often it arrives."""

import asyncio
import contextlib
from dataclasses import replace
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.activity import Activity
from domain.catalogue import Submission
from domain.enums import ActivityType
from domain.errors import StorageConflict
from domain.learners import Learner, TelegramProfile
from domain.progress import AnswerRecord, CountedAnswer
from domain.review import CardState, Rating, ReviewRules
from domain.services import (
    JourneyService,
    LearnerService,
    ProgressService,
    ReminderService,
    ReviewService,
)
from domain.services.reminders import reminder_text
from domain.services.review import ReviewOutcome
from infrastructure.db.models import ActivityRow, ReviewCardRow, ReviewLogRow
from infrastructure.review import FsrsScheduler
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.queries import count_rows
from tests.support.use_cases import committed
from tests.unit.fakes import FakeNotifier

RIGHT, WRONG = Submission(frozenset({1})), Submission(frozenset({0}))
RULES = ReviewRules(points=3)
SCHEDULER = FsrsScheduler(fuzz=False)


@pytest.fixture
async def grace(uow_factory: UowFactory, clock: FixedClock, course: Course) -> Learner:
    """A learner with both quiz lessons open, as the bot opens them before asking."""
    async with uow_factory() as uow:
        learner = await committed(LearnerService(uow, clock)).register(TelegramProfile(11, "grace"))
        progress = committed(ProgressService(uow, clock, "UTC"))
        for lesson in (course.first_lesson, course.advanced_lesson):
            await progress.start_lesson(learner, lesson)
        return learner


async def answer(
    uow_factory: UowFactory, clock: FixedClock, learner: Learner, challenge: int, given: Submission
) -> None:
    async with uow_factory() as uow:
        progress = committed(
            ProgressService(uow, clock, "UTC", scheduler=SCHEDULER, review_rules=RULES)
        )
        await progress.answer(learner, challenge, given)


async def review(
    uow_factory: UowFactory, clock: FixedClock, learner: Learner, challenge: int, number: int
) -> ReviewOutcome:
    async with uow_factory() as uow:
        service = committed(ReviewService(uow, clock, "UTC", SCHEDULER, RULES))
        return await service.answer(learner, challenge, RIGHT, number)


async def test_answers_write_the_card_and_the_take_reads_it_back(
    uow_factory: UowFactory, clock: FixedClock, grace: Learner, course: Course
) -> None:
    await answer(uow_factory, clock, grace, course.single, WRONG)
    clock.advance(seconds=30)
    await answer(uow_factory, clock, grace, course.single, RIGHT)
    await answer(uow_factory, clock, grace, course.text, Submission(text="print"))

    async with uow_factory() as uow:
        take = await uow.progress.take(grace.id, course.first_lesson, course.single)
        plain = await uow.progress.take(grace.id, course.first_lesson)
    assert take is not None
    assert plain is not None
    card = take.card
    assert card is not None
    assert (card.reps, card.lapses, card.state) == (2, 0, CardState.LEARNING)
    assert card.last_review == clock.now()
    assert card.due > clock.now()
    assert plain.card is None
    assert take.answers == plain.answers


async def test_the_due_read_serves_every_kind_most_overdue_first(
    uow_factory: UowFactory, clock: FixedClock, grace: Learner, course: Course
) -> None:
    await answer(uow_factory, clock, grace, course.single, WRONG)
    await answer(uow_factory, clock, grace, course.text, Submission(text="nope"))
    await answer(uow_factory, clock, grace, course.multiple, Submission(frozenset({0, 2})))
    async with uow_factory() as uow:
        service = committed(ReviewService(uow, clock, "UTC", SCHEDULER, RULES))
        assert await service.due_count(grace) == 0
        clock.advance(minutes=5)
        first = await service.next_card(grace)
        clock.advance(days=30)
        later = await service.due_count(grace)

    assert first is not None
    assert (first.challenge.id, first.review, first.due_count) == (course.single, 1, 2)
    assert later == 3


async def test_a_review_is_logged_reschedules_and_counts_today(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, grace: Learner, course: Course
) -> None:
    await answer(uow_factory, clock, grace, course.single, WRONG)
    clock.advance(days=1)

    outcome = await review(uow_factory, clock, grace, course.single, 1)

    assert outcome.is_correct
    assert not outcome.replayed
    assert outcome.next_due is not None
    assert outcome.next_due > clock.now()
    async with uow_factory() as uow:
        today = await committed(JourneyService(uow, clock, "UTC")).today(grace)
        facts = await uow.totals.facts(grace.id, clock.now() - timedelta(hours=1))
        card = await uow.reviews.get(grace.id, course.single)
    assert today.points == facts.points_today == RULES.points
    assert facts.totals.lesson_score == 0
    assert card is not None
    assert card.reps == 2
    reviewed = ActivityRow.activity_type == ActivityType.REVIEW_ANSWERED
    assert await count_rows(engine, ActivityRow.__table__, reviewed) == 1


async def test_a_review_replayed_or_raced_by_replicas_counts_once(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, grace: Learner, course: Course
) -> None:
    await answer(uow_factory, clock, grace, course.single, WRONG)
    clock.advance(days=1)

    async def attempt() -> ReviewOutcome | None:
        try:
            return await review(uow_factory, clock, grace, course.single, 1)
        except StorageConflict:
            return None  # a deadlock undid one replica's transaction: it counted nothing

    outcomes = await asyncio.gather(*(attempt() for _ in range(3)))
    replay = await review(uow_factory, clock, grace, course.single, 1)

    counted = [o for o in outcomes if o is not None and not o.replayed]
    assert len(counted) == 1
    assert replay.replayed
    assert await count_rows(engine, ReviewLogRow.__table__) == 1
    async with engine.connect() as connection:
        reps = await connection.scalar(sa.select(ReviewCardRow.reps))
    assert reps == 2


async def test_a_replayed_lesson_answer_leaves_the_card_alone(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, grace: Learner, course: Course
) -> None:
    async with uow_factory() as uow:
        progress = committed(
            ProgressService(uow, clock, "UTC", scheduler=SCHEDULER, review_rules=RULES)
        )
        await progress.answer(grace, course.single, RIGHT, 1)
    clock.advance(minutes=5)
    async with uow_factory() as uow:
        progress = committed(
            ProgressService(uow, clock, "UTC", scheduler=SCHEDULER, review_rules=RULES)
        )
        replayed = await progress.answer(grace, course.single, RIGHT, 1)

    assert replayed.replayed
    async with engine.connect() as connection:
        reps = await connection.scalar(sa.select(ReviewCardRow.reps))
    assert reps == 1


async def test_three_deliveries_of_a_lesson_answer_review_its_card_once(
    uow_factory: UowFactory, clock: FixedClock, grace: Learner, course: Course
) -> None:
    """Two replicas and a re-delivery of one update: the answer's key lets one through."""

    async def deliver() -> None:
        async with uow_factory() as uow:
            progress = committed(
                ProgressService(uow, clock, "UTC", scheduler=SCHEDULER, review_rules=RULES)
            )
            with contextlib.suppress(StorageConflict):  # a deadlock undid it: nothing written
                await progress.answer(grace, course.single, WRONG, 1)

    await asyncio.gather(*(deliver() for _ in range(3)))

    async with uow_factory() as uow:
        card = await uow.reviews.get(grace.id, course.single)
    assert card is not None
    assert (card.reps, card.last_review) == (1, clock.now())


async def test_the_reminder_names_the_due_cards(
    uow_factory: UowFactory, clock: FixedClock, grace: Learner, course: Course
) -> None:
    """Grace studied (a wrong answer, due again in minutes) on Monday; Tuesday 08:00 UTC."""
    async with uow_factory() as uow:
        await committed(ReminderService(uow, clock, "UTC")).choose(grace.id, 8)
        await uow.calendar.mark(grace.id, clock.now().date())
        await uow.commit()
    await answer(uow_factory, clock, grace, course.single, WRONG)
    clock.current = clock.now().replace(hour=8, minute=0) + timedelta(days=1)
    notifier = FakeNotifier()

    async with uow_factory() as uow:
        await committed(ReminderService(uow, clock, "UTC")).send_due(notifier)

    assert notifier.sent == [(11, reminder_text(20, due_reviews=1))]


async def test_an_answer_rated_from_an_outdated_card_leaves_the_newer_card_alone(
    uow_factory: UowFactory, clock: FixedClock, grace: Learner, course: Course
) -> None:
    """A review answered on another screen between a lesson answer's read and its write:
    the write still counts the answer, but does not put back the older card's successor."""
    await answer(uow_factory, clock, grace, course.single, WRONG)
    clock.advance(minutes=5)
    await review(uow_factory, clock, grace, course.single, 1)
    reviewed_at = clock.now()
    clock.advance(minutes=5)

    async with uow_factory() as uow:
        take = await uow.progress.take(grace.id, course.first_lesson, course.single)
        assert take is not None
        assert take.card is not None
        outdated = replace(take.card, reps=take.card.reps - 1)
        memory = SCHEDULER.schedule(outdated, Rating.GOOD, clock.now())
        record = AnswerRecord(grace.id, course.single, 1, 2, True, RIGHT, clock.now())
        counted = CountedAnswer(
            record,
            take.progress.with_attempt(),
            (Activity(grace.id, ActivityType.CHALLENGE_ATTEMPTED, clock.now()),),
            None,
            card=outdated.reviewed(memory, Rating.GOOD, clock.now()),
        )
        assert await uow.progress.record_answer(take, counted) is not None
        await uow.commit()

    async with uow_factory() as uow:
        card = await uow.reviews.get(grace.id, course.single)
        answers = await uow.answers.for_take(grace.id, course.first_lesson, 1)
    assert card is not None
    assert (card.reps, card.last_review) == (2, reviewed_at)
    assert [a.attempt for a in answers] == [1, 2]
