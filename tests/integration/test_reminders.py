"""The reminder reader and writer over the users and study_days tables."""

from datetime import date

from domain.learners import TelegramProfile
from domain.reminders import ReminderCandidate
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock

MONDAY = date(2026, 3, 2)


async def seed(uow_factory: UowFactory, clock: FixedClock) -> list[int]:
    """Four learners: opted in with two study days, opted in idle, blocked, opted out."""
    async with uow_factory() as uow:
        ids = [(await uow.learners.add(TelegramProfile(n), clock.now())).id for n in (1, 2, 3, 4)]
        studious, idle, blocked, _ = ids
        for user_id in (studious, idle, blocked):
            assert await uow.reminders.choose(user_id, 8, clock.now())
        await uow.learners.set_timezone(studious, "Asia/Tokyo", clock.now())
        await uow.learners.set_active(blocked, False, clock.now())
        for day in (date(2026, 2, 27), MONDAY):
            await uow.calendar.mark(studious, day)
        await uow.calendar.mark(blocked, MONDAY)
        await uow.commit()
    return ids


async def test_candidates_are_the_active_opted_in_learners_with_their_last_study_day(
    uow_factory: UowFactory, clock: FixedClock
) -> None:
    studious, idle, _, opted_out = await seed(uow_factory, clock)

    async with uow_factory() as uow:
        assert await uow.reminders.candidates() == [
            ReminderCandidate(studious, 1, "Asia/Tokyo", 8, None, MONDAY),
            ReminderCandidate(idle, 2, None, 8, None, None),
        ]
        assert await uow.reminders.chosen_hour(studious) == 8
        assert await uow.reminders.chosen_hour(opted_out) is None


async def test_a_day_is_claimed_once_and_turning_off_removes_the_candidate(
    uow_factory: UowFactory, clock: FixedClock
) -> None:
    studious, idle, *_ = await seed(uow_factory, clock)

    async with uow_factory() as uow:
        assert await uow.reminders.claim(studious, MONDAY)
        await uow.commit()
    async with uow_factory() as uow:
        assert not await uow.reminders.claim(studious, MONDAY)
        assert await uow.reminders.claim(studious, date(2026, 3, 3))
        assert await uow.reminders.choose(idle, None, clock.now())
        await uow.commit()

    async with uow_factory() as uow:
        candidates = await uow.reminders.candidates()
    assert [(c.user_id, c.reminded_on) for c in candidates] == [(studious, date(2026, 3, 3))]
