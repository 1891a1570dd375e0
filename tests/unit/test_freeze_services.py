"""Streak freezes in the use cases: the answer that earns one says so once, the next act
(an answer, /progress or the reminder job) spends what the missed days take, exactly
once, and /progress tells of a frozen day once."""

from datetime import UTC, date, datetime, timedelta

from domain.freezes import FreezeLedger, FreezeRules, Freezes
from domain.learners import Learner
from domain.services import FreezeService, JourneyService, ProgressService, ReminderService
from domain.services.reminders import reminder_text
from tests.support.use_cases import committed

from .conftest import START, MakeLearner
from .course import PICK_MANY, PICK_ONE, RIGHT, TWO_DAYS, VARIABLES
from .fakes import FakeClock, FakeNotifier, FakeUnitOfWork
from .fakes.freezes import ledger_of

RULES = FreezeRules(every=3, cap=2)
TODAY = START.date()


def days_ago(*numbers: int) -> set[date]:
    return {TODAY - timedelta(days=number) for number in numbers}


async def studied(uow: FakeUnitOfWork, learner: Learner, *ago: int) -> None:
    uow.working.study_days |= {(learner.id, day) for day in days_ago(*ago)}
    await uow.commit()


async def earned(uow: FakeUnitOfWork, learner: Learner, *ago: int) -> None:
    for day in days_ago(*ago):
        await uow.freezes.earn(learner.id, day)
    await uow.commit()


async def test_the_answer_that_makes_the_streak_a_multiple_earns_a_freeze_once(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    learner = await make_learner()
    await studied(uow, learner, 1, 2)
    progress = committed(ProgressService(uow, clock, "UTC", freezes=RULES))
    await progress.start_lesson(learner, VARIABLES)

    first = await progress.answer(learner, PICK_ONE, RIGHT[PICK_ONE], attempt=1)
    replay = await progress.answer(learner, PICK_ONE, RIGHT[PICK_ONE], attempt=1)
    second = await progress.answer(learner, PICK_MANY, RIGHT[PICK_MANY], attempt=1)

    assert first.freeze_earned == Freezes(1, 2)
    assert first.streak is not None
    assert first.streak.current == 3
    assert replay.freeze_earned is None
    assert second.freeze_earned is None
    assert ledger_of(uow.saved, learner.id) == FreezeLedger(earned=frozenset({TODAY}))


async def test_a_missed_day_with_a_freeze_keeps_the_streak_for_the_next_answer(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    learner = await make_learner()
    await studied(uow, learner, 2)
    await earned(uow, learner, 2)

    progress = committed(ProgressService(uow, clock, "UTC", freezes=RULES))
    await progress.start_lesson(learner, VARIABLES)
    outcome = await progress.answer(learner, PICK_ONE, RIGHT[PICK_ONE])

    assert outcome.streak is not None
    assert outcome.streak.current == 3
    assert TWO_DAYS in {achievement.id for achievement in outcome.new_achievements}
    assert ledger_of(uow.saved, learner.id).spent == days_ago(1)


async def test_more_missed_days_than_freezes_spend_them_all_and_end_the_streak(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    learner = await make_learner()
    await studied(uow, learner, 5)
    await earned(uow, learner, 5, 6)

    progress = committed(ProgressService(uow, clock, "UTC", freezes=RULES))
    await progress.start_lesson(learner, VARIABLES)
    outcome = await progress.answer(learner, PICK_ONE, RIGHT[PICK_ONE])

    assert outcome.streak is not None
    assert outcome.streak.current == 1
    assert ledger_of(uow.saved, learner.id).spent == days_ago(4, 3)


async def test_progress_settles_and_tells_of_a_frozen_day_once(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    learner = await make_learner()
    await studied(uow, learner, 2)
    await earned(uow, learner, 3, 2)
    journey = committed(JourneyService(uow, clock, "UTC", freezes=RULES))

    first = await journey.report(learner)
    again = await journey.report(learner)

    assert first.freezes == Freezes(1, 2, tuple(days_ago(1)))
    assert first.streak.current == 2
    assert not first.streak.studied_today
    assert again.freezes == Freezes(1, 2)
    assert ledger_of(uow.saved, learner.id).spent == days_ago(1)


async def test_users_show_sees_what_settling_would_spend_without_writing(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    learner = await make_learner()
    await studied(uow, learner, 2)
    await earned(uow, learner, 2)

    days = await uow.calendar.days(learner.id)
    streak, freezes = await FreezeService(uow.freezes, RULES).peek(learner.id, days, TODAY)

    assert freezes == Freezes(0, 2)
    assert streak.current == 2
    assert ledger_of(uow.saved, learner.id).spent == frozenset()


async def test_the_reminder_job_spends_the_freeze_and_reminds_of_the_kept_streak(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    learner = await make_learner(1)
    await uow.reminders.choose(learner.id, 8, START)
    await studied(uow, learner, 2)
    await earned(uow, learner, 3, 2)
    clock.set(datetime(2025, 3, 10, 8, tzinfo=UTC))
    notifier = FakeNotifier()

    await committed(ReminderService(uow, clock, "UTC", RULES)).send_due(notifier)
    await committed(ReminderService(uow, clock, "UTC", RULES)).send_due(notifier)

    assert notifier.sent == [(1, reminder_text(20, 1))]
    assert "a streak freeze keeps your streak" in reminder_text(20, 1)
    assert ledger_of(uow.saved, learner.id).spent == days_ago(1)


async def test_with_freezes_off_nothing_is_earned_or_spent(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    learner = await make_learner()
    await studied(uow, learner, 2, 3)
    off = FreezeRules(every=3, cap=0)

    progress = committed(ProgressService(uow, clock, "UTC", freezes=off))
    await progress.start_lesson(learner, VARIABLES)
    outcome = await progress.answer(learner, PICK_ONE, RIGHT[PICK_ONE])

    assert outcome.freeze_earned is None
    assert outcome.streak is not None
    assert outcome.streak.current == 1
    assert ledger_of(uow.saved, learner.id) == FreezeLedger()
