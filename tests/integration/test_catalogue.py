"""The published catalogue, the learner totals and the study calendar in SQL."""

from datetime import date

import pytest

from domain.catalogue import Submission
from domain.enums import ChallengeKind
from domain.errors import ContentUnavailable
from domain.learners import TelegramProfile
from domain.services import CatalogueService, LearnerService, ProgressService
from tests.integration.conftest import UowFactory
from tests.support.answering import opened_answer
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.use_cases import committed


async def test_learners_see_published_content_only_and_in_order(
    uow_factory: UowFactory, course: Course
) -> None:
    async with uow_factory() as uow:
        catalogue = CatalogueService(uow)
        modules = await catalogue.modules()
        _, lessons = await catalogue.lessons(course.basics)
        content = await catalogue.lesson(course.first_lesson)
        with pytest.raises(ContentUnavailable):
            await catalogue.lessons(course.draft)
        with pytest.raises(ContentUnavailable):
            await catalogue.lesson(course.hidden_lesson)
        with pytest.raises(ContentUnavailable):
            await catalogue.lesson(course.unpublished_lesson)

    assert [module.slug for module in modules] == ["basics", "advanced"]
    assert [lesson.slug for lesson in lessons] == ["first", "reading"]
    single, text = content.challenges
    assert (single.kind, single.options, single.correct_options) == (
        ChallengeKind.SINGLE_CHOICE,
        ("a", "b", "c"),
        frozenset({1}),
    )
    assert (text.kind, text.accepted_answers) == (ChallengeKind.TEXT, ("print", "print()"))
    assert content.challenge_after(single.id) == text


async def test_totals_count_completed_lessons_solved_challenges_and_modules(
    uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    async with uow_factory() as uow:
        learner = await committed(LearnerService(uow, clock)).register(TelegramProfile(9))
        progress = committed(ProgressService(uow, clock, "UTC"))
        await opened_answer(uow, progress, learner, course.single, Submission(frozenset({1})))
        await opened_answer(uow, progress, learner, course.text, Submission(text="print()"))
        await progress.finish_reading(learner, course.reading)
        totals = await uow.totals.totals(learner.id)

    assert (totals.lessons_completed, totals.challenges_solved, totals.lesson_score) == (2, 2, 15)
    assert totals.completed_modules == frozenset({"basics"})
    assert totals.achievement_points == 5 + 20 + 10


async def test_marking_a_study_day_twice_keeps_one(
    uow_factory: UowFactory, clock: FixedClock
) -> None:
    async with uow_factory() as uow:
        learner = await uow.learners.add(TelegramProfile(9), clock.now())
        for day in (date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 1)):
            await uow.calendar.mark(learner.id, day)
        await uow.commit()

    async with uow_factory() as uow:
        assert sorted(await uow.calendar.days(learner.id)) == [date(2026, 3, 1), date(2026, 3, 2)]
