"""The take read with the learner for an answer button (PostgreSQL's and MariaDB's
read-ahead): the same take as the take read, used once in its own transaction, and
dropped whenever it might not be the one the answer asks for, which then reads the take
as before."""

from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.services import Services
from domain.catalogue import Submission
from domain.errors import StaleAnswer
from domain.learners import Learner, TelegramProfile
from infrastructure.db.content_version import bump_version
from infrastructure.db.models import AnswerRow, ChallengeRow, ProgressRow, UserRow, table
from infrastructure.review import FsrsScheduler
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.queries import count_rows
from tests.support.statements import StatementLog, counted

PROFILE = TelegramProfile(4242, "lin", "Lin", None, "en")
STRANGER = TelegramProfile(77, "new", "New", None, "en")


def take_reads(log: StatementLog) -> int:
    """Statements that read a take: the learner's read with it, or the take read."""
    reads = [sql for sql in log.statements if sql.lstrip().startswith("SELECT")]
    return sum("challenge_answers" in sql and "user_progress" in sql for sql in reads)


def reads_ahead(engine: AsyncEngine) -> bool:
    return engine.dialect.name != "sqlite"


async def opened(uow_factory: UowFactory, clock: FixedClock, lesson_id: int) -> Learner:
    """A learner who opened ``lesson_id``, committed; the catalogue is cached."""
    async with uow_factory() as uow:
        services = Services(uow, clock, "UTC", review_scheduler=FsrsScheduler())
        learner = await services.learners.register(PROFILE)
        await services.progress.open_challenge(learner, lesson_id)
        await uow.commit()
    return learner


async def test_the_take_read_ahead_is_the_take_read_and_handed_out_once(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    learner = await opened(uow_factory, clock, course.first_lesson)
    async with uow_factory() as uow:
        services = Services(uow, clock, "UTC", review_scheduler=FsrsScheduler())
        await services.progress.answer(learner, course.single, Submission({0}), 1)
        await services.progress.answer(learner, course.single, Submission({1}), 2)
        await uow.commit()
    for card_of in (course.single, None):
        async with uow_factory() as uow:
            with counted(engine) as log:
                read = await uow.learners.by_telegram_id(PROFILE.telegram_id, course.single)
                ahead = await uow.progress.take(learner.id, course.first_lesson, card_of)
            again = await uow.progress.take(learner.id, course.first_lesson, card_of)
            plain = await uow.learners.get(learner.id)

        assert read == plain
        assert ahead == again
        assert ahead is not None
        assert [a.attempt for a in ahead.answers] == [1, 2]
        assert (ahead.card is not None) == (card_of is not None)
        assert len(log) == (1 if reads_ahead(engine) else 2)


async def test_content_published_since_the_catalogue_was_cached_drops_the_read_ahead(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    """The right option changes from 1 to 2: option 1 is now wrong, whatever was cached."""
    learner = await opened(uow_factory, clock, course.first_lesson)
    async with uow_factory() as uow:
        challenge = sa.update(table(ChallengeRow)).where(ChallengeRow.id == course.single)
        await uow.session.execute(challenge.values(answers="[2]"))
        await bump_version(uow.session)
        await uow.commit()
    async with uow_factory() as uow:
        services = Services(uow, clock, "UTC")
        with counted(engine) as log:
            learner = await services.learners.register(PROFILE, answering=course.single)
            outcome = await services.progress.answer(learner, course.single, Submission({1}), 1)
        await uow.commit()

    assert (outcome.is_correct, outcome.attempt, outcome.replayed) == (False, 1, False)
    assert take_reads(log) == 1 + reads_ahead(engine)


@pytest.mark.parametrize(
    ("profile", "lesson"),
    [(PROFILE, "advanced_lesson"), (STRANGER, "first_lesson")],
    ids=["a lesson never opened", "an unknown learner"],
)
async def test_an_answer_with_no_take_to_read_ahead_is_refused_as_without_it(
    engine: AsyncEngine,
    uow_factory: UowFactory,
    clock: FixedClock,
    course: Course,
    profile: TelegramProfile,
    lesson: str,
) -> None:
    """``PROFILE`` opened another lesson; ``STRANGER`` is registered by this update."""
    await opened(uow_factory, clock, getattr(course, lesson))
    async with uow_factory() as uow:
        services = Services(uow, clock, "UTC")
        learner = await services.learners.register(profile, answering=course.single)
        with pytest.raises(StaleAnswer):
            await services.progress.answer(learner, course.single, Submission({1}), 1)
        await uow.commit()

    assert learner.telegram_id == profile.telegram_id
    assert await count_rows(engine, UserRow) == (2 if profile is STRANGER else 1)
    assert await count_rows(engine, AnswerRow) == 0


async def test_a_take_read_ahead_serves_only_the_transaction_that_read_it(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    """Its lock ended with that transaction, so the next one locks the row again."""
    await opened(uow_factory, clock, course.first_lesson)
    async with uow_factory() as uow:
        services = Services(uow, clock, "UTC")
        learner = await services.learners.register(PROFILE, answering=course.single)
        await uow.commit()
        with counted(engine) as log:
            outcome = await services.progress.answer(learner, course.single, Submission({0}), 1)
        await uow.commit()

    assert (outcome.is_correct, outcome.attempt) == (False, 1)
    assert take_reads(log) == 1


async def lockable_now(connection: AsyncConnection, rows: sa.Select[Any]) -> bool:
    """Whether another transaction can lock ``rows`` at once (``NOWAIT``)."""
    try:
        await connection.execute(rows.with_for_update(nowait=True))
    except sa.exc.DBAPIError:
        await connection.rollback()
        return False
    return True


@pytest.mark.parametrize("engine", ["postgresql", "mariadb"], indirect=True)
async def test_the_take_read_ahead_locks_the_progress_row_and_not_the_learners(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    """As the take read: another transaction waits for the progress row until this one
    ends, but may write the learner's row (a contact refresh) meanwhile. (SQLite locks the
    whole database, never a row.)"""
    learner = await opened(uow_factory, clock, course.first_lesson)
    users, progress = table(UserRow), table(ProgressRow)
    async with uow_factory() as uow, engine.connect() as other:
        await uow.learners.by_telegram_id(PROFILE.telegram_id, answering=course.single)
        learner_free = await lockable_now(
            other, sa.select(users.c.id).where(users.c.id == learner.id)
        )
        progress_free = await lockable_now(
            other, sa.select(progress.c.id).where(progress.c.user_id == learner.id)
        )

    assert (learner_free, progress_free) == (True, False)
