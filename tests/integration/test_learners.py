"""Learners in the database: registration, contact tracking, deletion without orphans."""

import asyncio

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.catalogue import Submission
from domain.enums import InboxKind
from domain.learners import TelegramProfile
from domain.review import ReviewWait
from domain.services import (
    InboxService,
    LeaderboardService,
    LearnerService,
    ProgressService,
    QuizPollService,
    ReviewService,
)
from infrastructure.db.models import LeagueLadderRow, LeagueMemberRow, UserRow
from infrastructure.review import FsrsScheduler
from tests.integration.conftest import UowFactory
from tests.support.answering import opened_answer
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.queries import count_rows, owned_rows
from tests.support.use_cases import committed

BIG_ID = 2**40 + 7
PROFILE = TelegramProfile(BIG_ID, "ada", "Ada", "Lovelace", "en")


async def register(uow_factory: UowFactory, clock: FixedClock, profile: TelegramProfile = PROFILE):
    async with uow_factory() as uow:
        return await committed(LearnerService(uow, clock)).register(profile)


async def test_telegram_ids_beyond_32_bits_round_trip(
    uow_factory: UowFactory, clock: FixedClock
) -> None:
    learner = await register(uow_factory, clock)

    async with uow_factory() as uow:
        assert await uow.learners.by_telegram_id(BIG_ID) == learner
    assert learner.telegram_id == BIG_ID
    assert learner.first_contact_at == learner.last_contact_at == clock.now()


async def test_adding_the_same_learner_twice_keeps_one_row(
    uow_factory: UowFactory, clock: FixedClock, engine: AsyncEngine
) -> None:
    async with uow_factory() as uow:
        first = await uow.learners.add(PROFILE, clock.now())
        second = await uow.learners.add(PROFILE, clock.now())
        await uow.commit()

    assert first.id == second.id
    assert await count_rows(engine, UserRow) == 1


async def test_concurrent_first_contacts_create_one_learner(
    uow_factory: UowFactory, clock: FixedClock, engine: AsyncEngine
) -> None:
    learners = await asyncio.gather(*(register(uow_factory, clock) for _ in range(4)))

    assert len({learner.id for learner in learners}) == 1
    assert await count_rows(engine, UserRow) == 1


async def test_a_fresh_contact_writes_nothing_and_a_stale_one_writes_once(
    uow_factory: UowFactory, clock: FixedClock, engine: AsyncEngine
) -> None:
    first_contact = clock.now()
    await register(uow_factory, clock)
    clock.advance(seconds=30)
    await register(uow_factory, clock)
    assert await updated_at(engine) == first_contact

    clock.advance(minutes=5)
    learner = await register(uow_factory, clock)
    assert learner.last_contact_at == clock.now()
    assert await updated_at(engine) == clock.now()


async def test_a_changed_profile_is_refreshed(uow_factory: UowFactory, clock: FixedClock) -> None:
    await register(uow_factory, clock)
    renamed = TelegramProfile(BIG_ID, "countess", "Ada", None, "fr")

    learner = await register(uow_factory, clock, renamed)

    assert (learner.username, learner.last_name, learner.language_code) == ("countess", None, "fr")


async def test_deleting_a_learner_leaves_no_orphan_rows(
    uow_factory: UowFactory, clock: FixedClock, engine: AsyncEngine, course: Course
) -> None:
    learner = await register(uow_factory, clock)
    other = await register(uow_factory, clock, TelegramProfile(5, "bob"))
    for person in (learner, other):
        async with uow_factory() as uow:
            progress = committed(ProgressService(uow, clock, "UTC", scheduler=FsrsScheduler()))
            await opened_answer(uow, progress, person, course.single, Submission(frozenset({1})))
            await opened_answer(uow, progress, person, course.text, Submission(text="print"))
        async with uow_factory() as uow:
            step = await committed(ProgressService(uow, clock, "UTC")).open_challenge(
                person, course.first_lesson, course.single
            )
            assert step is not None
            await uow.freezes.earn(person.id, clock.now().date())
            poll_id = f"poll-of-{person.id}"
            await committed(QuizPollService(uow, clock, ProgressService(uow, clock, "UTC"))).sent(
                person, 1, step, poll_id, (0, 1, 2)
            )
        clock.advance(days=30)
        async with uow_factory() as uow:
            review = committed(ReviewService(uow, clock, "UTC", FsrsScheduler()))
            await review.answer(person, course.single, Submission(frozenset({1})), 1)
            await uow.review_waits.wait_for(ReviewWait(person.id, course.text, 1, clock.now()))
            await uow.commit()
        async with uow_factory() as uow:
            inbox = committed(InboxService(uow, clock))
            await inbox.ask(
                person,
                person.telegram_id,
                InboxKind.QUESTION,
                "Why?",
                lesson_id=course.first_lesson,
            )
    async with uow_factory() as uow:
        await committed(LeaderboardService(uow, clock)).refresh()
    async with engine.begin() as connection:  # a week in a league, as a rollover leaves it
        week = {"week": clock.now().date(), "tier": 0, "league": 0}
        people = [{"user_id": person.id} for person in (learner, other)]
        await connection.execute(sa.insert(LeagueMemberRow), [week | p for p in people])
        await connection.execute(sa.insert(LeagueLadderRow), [{"tier": 1} | p for p in people])
    before = await owned_rows(engine, other.id)

    async with uow_factory() as uow:
        await committed(LearnerService(uow, clock)).delete(learner.id)

    assert await owned_rows(engine, learner.id) == dict.fromkeys(before, 0)
    assert await owned_rows(engine, other.id) == before
    assert all(before.values()), "the other learner has a row in every learner-owned table"


async def updated_at(engine: AsyncEngine):
    async with engine.connect() as connection:
        return (await connection.execute(sa.select(UserRow.updated_at))).scalar_one()
