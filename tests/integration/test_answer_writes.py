"""The counted-answer write: all or nothing, and the facts it returns is the one a
fresh read finds afterwards (PostgreSQL folds the known writes into rows read before)."""

from sqlalchemy.ext.asyncio import AsyncEngine

from domain.activity import Activity
from domain.catalogue import Submission
from domain.enums import ActivityType
from domain.learners import Learner, TelegramProfile
from domain.progress import AnswerRecord, AnswerRecorded, CountedAnswer
from domain.services import LearnerService, ProgressService
from infrastructure.db.models import ActivityRow, AnswerRow
from infrastructure.db.uow import SqlUnitOfWork
from tests.integration.conftest import UowFactory
from tests.support.answering import opened_answer
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.queries import count_rows
from tests.support.use_cases import committed


async def counted(
    uow: SqlUnitOfWork,
    learner: Learner,
    challenge: int,
    lesson: int,
    correct: bool,
    clock: FixedClock,
) -> tuple[CountedAnswer, AnswerRecorded | None]:
    take = await uow.progress.take(learner.id, lesson)
    assert take is not None
    tries = sum(1 for answer in take.answers if answer.challenge_id == challenge)
    record = AnswerRecord(
        learner.id, challenge, take.progress.take, tries + 1, correct, Submission(), clock.now()
    )
    attempted = Activity(learner.id, ActivityType.CHALLENGE_ATTEMPTED, clock.now())
    day = clock.now().date() if correct else None
    answer = CountedAnswer(record, take.progress.with_attempt(), (attempted,), day)
    return answer, await uow.progress.record_answer(take, answer)


async def test_the_returned_standing_is_what_a_fresh_read_finds_across_takes_and_days(
    uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    async with uow_factory() as uow:
        learner = await committed(LearnerService(uow, clock)).register(TelegramProfile(9, "grace"))
        progress = committed(ProgressService(uow, clock, "UTC"))
        await progress.open_challenge(learner, course.first_lesson)
        await opened_answer(uow, progress, learner, course.single, Submission(frozenset({1})), 1)
        await opened_answer(uow, progress, learner, course.text, Submission(text="print"), 1)
        await progress.retake_lesson(learner, course.first_lesson, 1)
        clock.advance(days=1)
        for challenge, correct in [(course.single, False), (course.single, True)]:
            _, recorded = await counted(
                uow, learner, challenge, course.first_lesson, correct, clock
            )
            assert recorded is not None
            if correct:
                assert recorded.facts == await uow.totals.facts(learner.id)
                assert recorded.facts.totals.challenges_solved == 2
                assert len(recorded.facts.study_days) == 2
            else:
                assert recorded.facts is None


async def test_a_recorded_attempt_writes_nothing_the_second_time(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    async with uow_factory() as uow:
        learner = await committed(LearnerService(uow, clock)).register(TelegramProfile(9, "grace"))
        await committed(ProgressService(uow, clock, "UTC")).open_challenge(
            learner, course.first_lesson
        )
        answer, first = await counted(uow, learner, course.single, course.first_lesson, True, clock)
        await uow.commit()
        assert first is not None
        take = await uow.progress.take(learner.id, course.first_lesson)
        assert take is not None
        assert await uow.progress.record_answer(take, answer) is None
        await uow.commit()
        progress = await uow.progress.get(learner.id, course.first_lesson)
    assert progress is not None
    assert progress.attempts == 1
    assert await count_rows(engine, AnswerRow) == 1
    attempted = ActivityRow.activity_type == ActivityType.CHALLENGE_ATTEMPTED
    assert await count_rows(engine, ActivityRow, attempted) == 1


async def test_a_solved_text_challenge_ends_the_wait_for_a_typed_answer(
    uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    async with uow_factory() as uow:
        learners = committed(LearnerService(uow, clock))
        learner = await learners.register(TelegramProfile(9, "grace"))
        await learners.await_answer(learner, course.text)
        waiting = await learners.register(TelegramProfile(9, "grace"))
        progress = committed(ProgressService(uow, clock, "UTC"))
        await progress.open_challenge(waiting, course.first_lesson, course.text)
        await opened_answer(uow, progress, waiting, course.text, Submission(text="input"))
        assert (await learners.register(TelegramProfile(9, "grace"))).pending_challenge_id
        await opened_answer(uow, progress, waiting, course.text, Submission(text="print"))
        solved = await learners.register(TelegramProfile(9, "grace"))
    assert solved.pending_challenge_id is None


async def test_the_take_is_passed_not_remembered_so_a_fresh_store_counts_in_it(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    async with uow_factory() as uow:
        learner = await LearnerService(uow, clock).register(TelegramProfile(9, "grace"))
        await ProgressService(uow, clock, "UTC").open_challenge(learner, course.first_lesson)
        await uow.commit()
        take = await uow.progress.take(learner.id, course.first_lesson)
        await uow.rollback()
    assert take is not None
    record = AnswerRecord(
        learner.id, course.single, take.progress.take, 1, False, Submission(), clock.now()
    )
    attempted = Activity(learner.id, ActivityType.CHALLENGE_ATTEMPTED, clock.now())
    answer = CountedAnswer(record, take.progress.with_attempt(), (attempted,), None)
    async with uow_factory() as uow:
        assert await uow.progress.record_answer(take, answer) == AnswerRecorded(None)
        await uow.commit()
        progress = await uow.progress.get(learner.id, course.first_lesson)
    assert progress is not None
    assert progress.attempts == 1
    assert await count_rows(engine, AnswerRow) == 1
