"""Streaks count calendar days where the learner lives, not UTC days."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from domain.learners import Learner
from domain.services import ProgressService, StreakService
from domain.streaks import Streak, local_day, streak_on
from tests.support.use_cases import committed

from .conftest import MakeLearner
from .course import FOR_LOOPS, LOOP_QUIZ, PICK_MANY, PICK_ONE, RIGHT, TYPE_IT, VARIABLES, WRONG
from .fakes import FakeClock, FakeStudyCalendar, FakeUnitOfWork, Tables

TOKYO = "Asia/Tokyo"
LOS_ANGELES = "America/Los_Angeles"


def at(timezone: str, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 3, day, hour, minute, tzinfo=ZoneInfo(timezone))


def march(*days: int) -> list[date]:
    return [date(2025, 3, day) for day in days]


@pytest.mark.parametrize(
    ("days", "today", "expected"),
    [
        ([], 10, Streak(0, 0, False)),
        (march(10), 10, Streak(1, 1, True)),
        (march(8, 9), 10, Streak(2, 2, False)),
        (march(7, 8, 9, 9), 11, Streak(0, 3, False)),
        (march(1, 2, 3, 5, 6), 6, Streak(2, 3, True)),
        (march(6, 1, 5, 2, 3), 7, Streak(2, 3, False)),
    ],
)
def test_streak_on(days: list[date], today: int, expected: Streak) -> None:
    assert streak_on(days, date(2025, 3, today)) == expected


@pytest.mark.parametrize(
    ("timezone", "moments", "current"),
    [
        (TOKYO, [at(TOKYO, 10, 23, 30), at(TOKYO, 11, 0, 30)], 2),
        ("UTC", [at(TOKYO, 10, 23, 30), at(TOKYO, 11, 0, 30)], 1),
        (LOS_ANGELES, [at(LOS_ANGELES, 10, 16, 30), at(LOS_ANGELES, 10, 17, 30)], 1),
        ("UTC", [at(LOS_ANGELES, 10, 16, 30), at(LOS_ANGELES, 10, 17, 30)], 2),
        (LOS_ANGELES, [at(LOS_ANGELES, 10, 23, 30), at(LOS_ANGELES, 11, 0, 30)], 2),
    ],
    ids=["tokyo-same-utc-day", "utc-same", "la-two-utc-days", "utc-two", "la-midnight"],
)
async def test_service_counts_days_in_the_learners_zone(
    timezone: str, moments: list[datetime], current: int
) -> None:
    tables = Tables()
    streaks = StreakService(FakeStudyCalendar(tables), "UTC")
    for moment in moments:
        await streaks.record_study(7, timezone, moment)

    streak = await streaks.streak(7, timezone, moments[-1])

    assert (streak.current, streak.studied_today) == (current, True)
    assert {day for _, day in tables.study_days} == {local_day(m, timezone) for m in moments}


async def test_default_zone_applies_when_the_learner_has_none(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    service = committed(ProgressService(uow, clock, TOKYO))
    clock.set(at(TOKYO, 10, 23, 30))
    await service.start_lesson(learner, VARIABLES)
    await service.answer(learner, PICK_ONE, RIGHT[PICK_ONE])
    clock.set(at(TOKYO, 11, 0, 30))

    outcome = await service.answer(learner, PICK_MANY, RIGHT[PICK_MANY])

    assert outcome.streak == Streak(current=2, longest=2, studied_today=True)
    assert sorted(day for _, day in uow.saved.study_days) == march(10, 11)


async def test_a_learners_own_zone_beats_the_default(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    learner = await make_learner(timezone=LOS_ANGELES)
    service = committed(ProgressService(uow, clock, TOKYO))
    clock.set(at(LOS_ANGELES, 10, 16, 30))
    await service.start_lesson(learner, VARIABLES)
    await service.answer(learner, PICK_ONE, RIGHT[PICK_ONE])
    clock.set(at(LOS_ANGELES, 10, 17, 30))

    outcome = await service.answer(learner, PICK_MANY, RIGHT[PICK_MANY])

    assert outcome.streak == Streak(current=1, longest=1, studied_today=True)


async def test_a_missed_day_resets_the_streak_but_keeps_the_longest(
    progress_service: ProgressService, clock: FakeClock, learner: Learner
) -> None:
    await progress_service.start_lesson(learner, VARIABLES)
    for challenge_id in (PICK_ONE, PICK_MANY):
        await progress_service.answer(learner, challenge_id, RIGHT[challenge_id])
        clock.advance(days=1)
    clock.advance(days=1)

    outcome = await progress_service.answer(learner, TYPE_IT, RIGHT[TYPE_IT])

    assert outcome.streak == Streak(current=1, longest=2, studied_today=True)


async def test_a_wrong_answer_is_not_a_study_day(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await progress_service.start_lesson(learner, FOR_LOOPS)
    outcome = await progress_service.answer(learner, LOOP_QUIZ, WRONG[LOOP_QUIZ])

    assert outcome.streak is None
    assert uow.saved.study_days == set()
