"""Reminders go out at the learner's own hour, once a local day, only to keep a live streak."""

from datetime import UTC, date, datetime, timedelta

import pytest

from domain.learners import Learner
from domain.review import ReviewCard
from domain.services import ReminderReport, ReminderService
from domain.services.reminders import reminder_text
from tests.support.use_cases import committed

from .conftest import MakeLearner
from .course import LOOP_QUIZ, PICK_MANY, PICK_ONE
from .fakes import FakeClock, FakeNotifier, FakeUnitOfWork

TOKYO = "Asia/Tokyo"
NEW_YORK = "America/New_York"
TOKYO_8AM = datetime(2025, 3, 10, 23, 0, tzinfo=UTC)
"""08:00 on 11 March in Tokyo, 19:00 on 10 March in New York (EDT)."""
NEW_YORK_8AM = datetime(2025, 3, 11, 12, 0, tzinfo=UTC)
"""08:00 on 11 March in New York, 21:00 on 11 March in Tokyo."""


async def reminded(
    uow: FakeUnitOfWork, make_learner: MakeLearner, telegram_id: int, timezone: str, *days: int
) -> Learner:
    """A learner with reminders at 08:00 local, who studied on the given March days."""
    learner = await make_learner(telegram_id, timezone)
    await uow.reminders.choose(learner.id, 8, TOKYO_8AM)
    uow.working.study_days |= {(learner.id, date(2025, 3, day)) for day in days}
    await uow.commit()
    return learner


def service(uow: FakeUnitOfWork, clock: FakeClock) -> ReminderService:
    return committed(ReminderService(uow, clock, "UTC"))


async def test_each_learner_is_reminded_at_eight_in_their_own_zone(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    await reminded(uow, make_learner, 1, TOKYO, 10)
    await reminded(uow, make_learner, 2, NEW_YORK, 10)
    notifier = FakeNotifier()

    clock.set(TOKYO_8AM)
    assert await service(uow, clock).send_due(notifier) == ReminderReport(sent=1)
    clock.set(NEW_YORK_8AM)
    assert await service(uow, clock).send_due(notifier) == ReminderReport(sent=1)

    assert notifier.sent == [(1, reminder_text(20)), (2, reminder_text(20))]
    assert uow.saved.reminded_on == {1: date(2025, 3, 11), 2: date(2025, 3, 11)}


@pytest.mark.parametrize(
    ("days", "why"), [((9,), "no streak"), ((10, 11), "studied today"), ((), "never studied")]
)
async def test_no_reminder_without_a_streak_to_save(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner, days: tuple[int], why: str
) -> None:
    await reminded(uow, make_learner, 1, TOKYO, *days)
    clock.set(TOKYO_8AM)
    notifier = FakeNotifier()

    assert await service(uow, clock).send_due(notifier) == ReminderReport(), why
    assert notifier.sent == []


async def test_never_twice_a_day_even_after_moving_the_hour(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    learner = await reminded(uow, make_learner, 1, TOKYO, 10)
    clock.set(TOKYO_8AM)
    notifier = FakeNotifier()
    await service(uow, clock).send_due(notifier)
    assert await service(uow, clock).send_due(notifier) == ReminderReport()

    await service(uow, clock).choose(learner.id, 9)
    clock.advance(hours=1)
    assert await service(uow, clock).send_due(notifier) == ReminderReport()
    assert len(notifier.sent) == 1


async def test_a_learner_who_blocked_the_bot_is_deactivated(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    learner = await reminded(uow, make_learner, 1, TOKYO, 10)
    clock.set(TOKYO_8AM)

    report = await service(uow, clock).send_due(FakeNotifier(blocked=frozenset({1})))

    assert report == ReminderReport(blocked=1)
    assert uow.saved.learners[learner.id].is_active is False


async def test_a_failed_send_is_counted_and_not_retried_the_same_day(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    await reminded(uow, make_learner, 1, TOKYO, 10)
    clock.set(TOKYO_8AM)

    assert await service(uow, clock).send_due(FakeNotifier(reachable=False)) == ReminderReport(
        failed=1
    )
    assert await service(uow, clock).send_due(FakeNotifier()) == ReminderReport()
    assert uow.saved.learners[1].is_active is True


async def test_choosing_an_hour_and_turning_reminders_off(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    learner = await make_learner(1)
    reminders = service(uow, clock)

    await reminders.choose(learner.id, 20)
    assert uow.saved.reminder_hours == {learner.id: 20}
    await reminders.choose(learner.id, None)
    assert await reminders.chosen_hour(learner.id) is None
    with pytest.raises(ValueError, match="no such hour"):
        await reminders.choose(learner.id, 24)


async def test_the_reminder_says_how_far_the_learners_own_daily_goal_is(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    learner = await reminded(uow, make_learner, 1, TOKYO, 10)
    await uow.learners.set_daily_goal(learner.id, 50, TOKYO_8AM)
    await uow.commit()
    notifier = FakeNotifier()

    clock.set(TOKYO_8AM)
    await service(uow, clock).send_due(notifier)

    assert notifier.sent == [(1, reminder_text(50))]
    assert reminder_text(50).endswith("Today's goal: 50 points to go.")


async def test_the_reminder_names_the_cards_due_for_review(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    """Two cards due by eight (one of them long overdue), one due later that day."""
    learner = await reminded(uow, make_learner, 1, TOKYO, 10)
    for challenge, due in ((PICK_ONE, TOKYO_8AM), (PICK_MANY, datetime(2025, 3, 1, tzinfo=UTC))):
        uow.working.cards[learner.id, challenge] = ReviewCard.new(learner.id, challenge, due)
    later = TOKYO_8AM + timedelta(hours=1)
    uow.working.cards[learner.id, LOOP_QUIZ] = ReviewCard.new(learner.id, LOOP_QUIZ, later)
    await uow.commit()
    notifier = FakeNotifier()

    clock.set(TOKYO_8AM)
    await service(uow, clock).send_due(notifier)

    assert notifier.sent == [(1, reminder_text(20, due_reviews=2))]
    assert reminder_text(20, due_reviews=2).endswith("2 cards are due for review: /review")
    assert reminder_text(20, due_reviews=1).endswith("1 card is due for review: /review")
