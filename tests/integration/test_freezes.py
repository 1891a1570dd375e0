"""Streak freezes on every backend: the facts' unique key makes settling exactly once
however many settle at once (answers, /progress, the reminder job), and an answer
replayed or delivered twice earns one freeze."""

import asyncio
from datetime import date, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.catalogue import Submission
from domain.freezes import FreezeLedger, FreezeRules, Freezes
from domain.learners import Learner, TelegramProfile
from domain.services import JourneyService, LearnerService, ProgressService, ReminderService
from domain.services.progress import AnswerOutcome
from infrastructure.db.models import StreakFreezeRow
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.queries import count_rows
from tests.support.use_cases import committed
from tests.unit.fakes import FakeNotifier

RULES = FreezeRules(every=3, cap=2)


@pytest.fixture
async def grace(uow_factory: UowFactory, clock: FixedClock) -> Learner:
    async with uow_factory() as uow:
        learner = await committed(LearnerService(uow, clock)).register(TelegramProfile(11, "grace"))
        await committed(ReminderService(uow, clock, "UTC")).choose(learner.id, clock.now().hour)
        return learner


def ago(clock: FixedClock, days: int) -> date:
    return clock.now().date() - timedelta(days=days)


async def history(
    uow_factory: UowFactory,
    clock: FixedClock,
    learner: Learner,
    study: list[int],
    earned: list[int],
) -> None:
    async with uow_factory() as uow:
        for days in study:
            await uow.calendar.mark(learner.id, ago(clock, days))
        for days in earned:
            await uow.freezes.earn(learner.id, ago(clock, days))
        await uow.commit()


async def test_facts_are_written_once_and_told_once(
    uow_factory: UowFactory, clock: FixedClock, grace: Learner
) -> None:
    today = clock.now().date()
    async with uow_factory() as uow:
        assert await uow.freezes.earn(grace.id, today)
        assert not await uow.freezes.earn(grace.id, today)
        await uow.freezes.spend(grace.id, [ago(clock, 2), ago(clock, 1)])
        await uow.freezes.spend(grace.id, [ago(clock, 1)])
        await uow.commit()
    async with uow_factory() as uow:
        ledger = await uow.freezes.ledger(grace.id)
        told = await uow.freezes.tell(grace.id)
        await uow.commit()
    async with uow_factory() as uow:
        again = await uow.freezes.tell(grace.id)

    assert ledger == FreezeLedger(frozenset({today}), frozenset({ago(clock, 2), ago(clock, 1)}))
    assert told == (ago(clock, 2), ago(clock, 1))
    assert again == ()


async def settle_by_report(uow_factory: UowFactory, clock: FixedClock, learner: Learner) -> Freezes:
    async with uow_factory() as uow:
        return (
            await committed(JourneyService(uow, clock, "UTC", freezes=RULES)).report(learner)
        ).freezes


async def settle_by_reminder(uow_factory: UowFactory, clock: FixedClock) -> int:
    async with uow_factory() as uow:
        notifier = FakeNotifier()
        await committed(ReminderService(uow, clock, "UTC", RULES)).send_due(notifier)
        return len(notifier.sent)


async def answer(
    uow_factory: UowFactory, clock: FixedClock, learner: Learner, challenge: int
) -> AnswerOutcome:
    async with uow_factory() as uow:
        progress = committed(ProgressService(uow, clock, "UTC", freezes=RULES))
        return await progress.answer(learner, challenge, Submission(frozenset({1})), 1)


async def test_a_missed_day_is_frozen_once_when_the_bot_and_the_reminder_job_race(
    uow_factory: UowFactory, clock: FixedClock, grace: Learner, engine: AsyncEngine
) -> None:
    await history(uow_factory, clock, grace, study=[3, 2], earned=[2])

    reports = await asyncio.gather(
        settle_by_report(uow_factory, clock, grace),
        settle_by_report(uow_factory, clock, grace),
        settle_by_reminder(uow_factory, clock),
        settle_by_reminder(uow_factory, clock),
    )
    async with uow_factory() as uow:
        ledger = await uow.freezes.ledger(grace.id)

    assert ledger.spent == {ago(clock, 1)}
    assert await count_rows(engine, StreakFreezeRow) == 2
    told = [report.kept_on for report in reports[:2]]
    assert sorted(told) == [(), (ago(clock, 1),)]
    assert reports[2:] in ([1, 0], [0, 1])


async def test_answers_delivered_three_times_earn_one_freeze_and_keep_the_streak(
    uow_factory: UowFactory, clock: FixedClock, grace: Learner, course: Course, engine: AsyncEngine
) -> None:
    """Studied two days ago with a freeze held: it covers yesterday, and today is the
    third kept day in a row, which earns a freeze once however often it is delivered."""
    await history(uow_factory, clock, grace, study=[2], earned=[2])
    async with uow_factory() as uow:  # the learner opened the lesson, as the bot asks
        await committed(ProgressService(uow, clock, "UTC", freezes=RULES)).start_lesson(
            grace, course.first_lesson
        )

    outcomes = await asyncio.gather(
        *(answer(uow_factory, clock, grace, course.single) for _ in range(3))
    )
    async with uow_factory() as uow:
        ledger = await uow.freezes.ledger(grace.id)

    assert [outcome.streak.current for outcome in outcomes if outcome.streak] == [3]
    assert sorted(o.freeze_earned is not None for o in outcomes) == [False, False, True]
    assert ledger == FreezeLedger(
        frozenset({ago(clock, 2), clock.now().date()}), frozenset({ago(clock, 1)})
    )
    assert await count_rows(engine, StreakFreezeRow) == 3


async def test_an_achievement_brings_one_freeze_however_often_it_is_recorded(
    uow_factory: UowFactory, clock: FixedClock, grace: Learner
) -> None:
    today = clock.now().date()

    async def reward() -> bool:
        async with uow_factory() as uow:
            brought = await uow.freezes.reward(grace.id, today, 42)
            await uow.commit()
            return brought

    results = await asyncio.gather(*(reward() for _ in range(3)))
    async with uow_factory() as uow:
        ledger = await uow.freezes.ledger(grace.id)
        facts = await uow.totals.facts(grace.id)

    assert sorted(results) == [False, False, True]
    assert ledger == FreezeLedger(rewarded=(today,))
    assert facts.freezes == ledger
    assert ledger.held(RULES) == 1
