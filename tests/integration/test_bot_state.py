"""What the bot keeps in the database: journeys, chosen language, pending text answers,
and the journal that makes re-delivered updates harmless."""

import asyncio

from sqlalchemy.ext.asyncio import AsyncEngine

from domain.catalogue import Submission
from domain.enums import ProgressStatus
from domain.learners import TelegramProfile
from domain.services import JourneyService, LearnerService, ProgressService
from infrastructure.db.models import ProcessedUpdateRow
from infrastructure.scheduler import forget_handled_updates
from tests.integration.conftest import UowFactory
from tests.support.answering import opened_answer
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.queries import count_rows
from tests.support.use_cases import committed

PROFILE = TelegramProfile(501, "grace", "Grace", "Hopper", "en")


async def test_the_journey_shows_published_modules_with_lesson_marks(
    uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    async with uow_factory() as uow:
        learner = await committed(LearnerService(uow, clock)).register(PROFILE)
        await opened_answer(
            uow,
            committed(ProgressService(uow, clock, "UTC")),
            learner,
            course.single,
            Submission({1}),
        )
    async with uow_factory() as uow:
        journey = committed(JourneyService(uow, clock, "UTC"))
        modules = await journey.modules(learner)
        resume = await journey.resume(learner)

    assert [item.module.id for item in modules] == [course.basics, course.advanced]
    basics = modules[0]
    assert [item.lesson.id for item in basics.lessons] == [course.first_lesson, course.reading]
    assert [item.status for item in basics.lessons] == [
        ProgressStatus.IN_PROGRESS,
        ProgressStatus.NOT_STARTED,
    ]
    assert all(item.lesson.content is None for item in basics.lessons)
    assert (basics.completed, basics.total) == (0, 2)
    assert resume is not None
    assert resume.id == course.first_lesson


async def test_locale_and_pending_challenge_are_remembered(
    uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    async with uow_factory() as uow:
        service = committed(LearnerService(uow, clock))
        learner = await service.register(PROFILE)
        await service.set_locale(learner.id, "ru")
        await service.await_answer(learner, course.text)
    async with uow_factory() as uow:
        again = await committed(LearnerService(uow, clock)).register(PROFILE)

    assert again.locale == "ru"
    assert again.pending_challenge_id == course.text


async def test_an_update_is_claimed_once_even_by_concurrent_replicas(
    uow_factory: UowFactory, clock: FixedClock, engine: AsyncEngine
) -> None:
    async def claim() -> bool:
        async with uow_factory() as uow:
            claimed = await uow.updates.claim(777, clock.now())
            await uow.commit()
            return claimed

    results = await asyncio.gather(*(claim() for _ in range(4)))

    assert sorted(results) == [False, False, False, True]
    assert await count_rows(engine, ProcessedUpdateRow) == 1


async def test_an_uncommitted_claim_leaves_the_update_to_be_handled_again(
    uow_factory: UowFactory, clock: FixedClock
) -> None:
    async with uow_factory() as uow:
        assert await uow.updates.claim(778, clock.now())
    async with uow_factory() as uow:
        assert await uow.updates.claim(778, clock.now())
        clock.advance(days=2)
        assert await uow.updates.forget_before(clock.now()) == 1


async def test_the_housekeeping_job_forgets_claims_older_than_two_days(
    uow_factory: UowFactory, clock: FixedClock, engine: AsyncEngine
) -> None:
    async with uow_factory() as uow:
        await uow.updates.claim(1, clock.now())
        await uow.commit()
    clock.advance(days=1)
    async with uow_factory() as uow:
        await uow.updates.claim(2, clock.now())
        await uow.commit()
    clock.advance(days=1, seconds=1)

    assert await forget_handled_updates(uow_factory, clock) == 1
    assert await count_rows(engine, ProcessedUpdateRow) == 1
