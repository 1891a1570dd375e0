"""Quiz polls on every backend: the sent poll is remembered, and a vote counts exactly once."""

import asyncio
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.learners import Learner, TelegramProfile
from domain.polls import SentPoll
from domain.services import (
    CatalogueService,
    LearnerService,
    ProgressService,
    QuizPollService,
    Vote,
)
from infrastructure.db.models import ActivityRow, AnswerRow, ChallengeRow, table
from learnbot.content import read_pack
from tests.content.test_validator import INTRO_MD
from tests.integration.conftest import UowFactory
from tests.integration.test_publish import publish_pack
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.packs import edit, write_pack
from tests.support.queries import count_rows
from tests.support.use_cases import committed

POLL_ID = "5368520391001234567"
ORDER = (1, 2, 0)
"""The seeded single choice is right with option 1, shown first in the poll."""
RIGHT, WRONG = [0], [1]


@pytest.fixture
async def polled(engine: AsyncEngine, course: Course) -> Course:
    """The seeded single choice put as a quiz poll open for 30 seconds."""
    async with engine.begin() as connection:
        rows = table(ChallengeRow)
        change = sa.update(rows).where(rows.c.id == course.single)
        await connection.execute(change.values(form="poll", open_period=30))
    return course


async def register(uow_factory: UowFactory, clock: FixedClock, telegram_id: int) -> Learner:
    async with uow_factory() as uow:
        return await committed(LearnerService(uow, clock)).register(
            TelegramProfile(telegram_id, "ada")
        )


@pytest.fixture
async def learner(uow_factory: UowFactory, clock: FixedClock) -> Learner:
    return await register(uow_factory, clock, 7)


async def send(
    uow_factory: UowFactory, clock: FixedClock, learner: Learner, course: Course
) -> SentPoll:
    async with uow_factory() as uow:
        step = await committed(ProgressService(uow, clock, "UTC")).open_challenge(
            learner, course.first_lesson, course.single
        )
        assert step is not None
        return await committed(
            QuizPollService(uow, clock, ProgressService(uow, clock, "UTC"))
        ).sent(learner, learner.telegram_id, step, POLL_ID, ORDER)


async def vote(
    uow_factory: UowFactory, clock: FixedClock, learner: Learner, poll_id: str, options: list[int]
) -> Vote | None:
    async with uow_factory() as uow:
        return await committed(
            QuizPollService(uow, clock, ProgressService(uow, clock, "UTC"))
        ).vote(learner, poll_id, options)


async def test_the_sent_poll_reads_back_as_it_was_stored(
    uow_factory: UowFactory, clock: FixedClock, learner: Learner, polled: Course
) -> None:
    sent = await send(uow_factory, clock, learner, polled)

    async with uow_factory() as uow:
        stored = await uow.polls.get(POLL_ID)

    assert stored == sent
    assert (stored.take, stored.attempt, stored.order) == (1, 1, ORDER)
    assert stored.closes_at is not None
    assert (stored.closes_at - stored.sent_at).total_seconds() == 30


async def test_a_vote_replayed_by_replicas_at_once_counts_exactly_once(
    uow_factory: UowFactory,
    clock: FixedClock,
    learner: Learner,
    polled: Course,
    engine: AsyncEngine,
) -> None:
    await send(uow_factory, clock, learner, polled)

    votes = await asyncio.gather(
        *(vote(uow_factory, clock, learner, POLL_ID, RIGHT) for _ in range(5))
    )

    counted = [v for v in votes if v is not None]
    assert len(counted) == 1
    assert (counted[0].outcome.is_correct, counted[0].chat_id) == (True, learner.telegram_id)
    assert await count_rows(engine, AnswerRow) == 1
    attempted = ActivityRow.activity_type == "CHALLENGE_ATTEMPTED"
    assert await count_rows(engine, ActivityRow, attempted) == 1


async def test_a_wrong_vote_is_recorded_as_the_polls_attempt(
    uow_factory: UowFactory,
    clock: FixedClock,
    learner: Learner,
    polled: Course,
    engine: AsyncEngine,
) -> None:
    await send(uow_factory, clock, learner, polled)

    counted = await vote(uow_factory, clock, learner, POLL_ID, WRONG)

    assert counted is not None
    assert not counted.outcome.is_correct
    assert await count_rows(engine, AnswerRow, AnswerRow.attempt == 1) == 1


async def test_a_foreign_poll_or_another_voter_changes_nothing(
    uow_factory: UowFactory,
    clock: FixedClock,
    learner: Learner,
    polled: Course,
    engine: AsyncEngine,
) -> None:
    await send(uow_factory, clock, learner, polled)
    stranger = await register(uow_factory, clock, 8)

    assert await vote(uow_factory, clock, learner, "4242", RIGHT) is None
    assert await vote(uow_factory, clock, stranger, POLL_ID, RIGHT) is None
    assert await count_rows(engine, AnswerRow) == 0


async def test_a_vote_on_a_closed_poll_changes_nothing(
    uow_factory: UowFactory,
    clock: FixedClock,
    learner: Learner,
    polled: Course,
    engine: AsyncEngine,
) -> None:
    await send(uow_factory, clock, learner, polled)
    clock.advance(seconds=30)

    assert await vote(uow_factory, clock, learner, POLL_ID, RIGHT) is None
    assert await count_rows(engine, AnswerRow) == 0


async def test_a_published_poll_reads_back_and_a_change_of_form_is_a_change(
    uow_factory: UowFactory, clock: FixedClock, tmp_path: Path
) -> None:
    poll = "answer: b\n    form: poll\n    open_period: 45"
    pack = read_pack(write_pack(tmp_path / "poll", edit(INTRO_MD, "answer: b", poll)))
    await publish_pack(uow_factory, clock, pack)

    async with uow_factory() as uow:
        stored = await uow.content.current()
        lesson_id = (await CatalogueService(uow).modules())[0].id
        _, lessons = await CatalogueService(uow).lessons(lesson_id)
        challenges = await uow.catalogue.challenges(lessons[0].id)
    assert stored.modules[0].lessons[0].challenges == pack.modules[0].lessons[0].challenges
    assert [(c.is_poll, c.open_period) for c in challenges] == [
        (True, 45),
        (False, None),
        (False, None),
    ]
    buttons = read_pack(write_pack(tmp_path / "buttons"))
    assert (await publish_pack(uow_factory, clock, pack)).changed == []
    assert (await publish_pack(uow_factory, clock, buttons)).changed == ["lesson basics/intro"]
