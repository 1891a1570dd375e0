"""Published content in order; anything unpublished does not exist for learners."""

import pytest

from domain.errors import ContentUnavailable
from domain.learners import Learner
from domain.services import CatalogueService, ProgressService

from .course import (
    BASICS,
    DRAFT,
    DRAFT_QUIZ,
    HIDDEN,
    PICK_MANY,
    PICK_ONE,
    RIGHT,
    SECRET,
    SECRET_QUIZ,
    TYPE_IT,
    VARIABLES,
)
from .fakes import FakeUnitOfWork


async def test_modules_and_lessons_come_published_and_in_order(uow: FakeUnitOfWork) -> None:
    catalogue = CatalogueService(uow)

    modules = await catalogue.modules()
    module, lessons = await catalogue.lessons(BASICS)

    assert [module.slug for module in modules] == ["basics", "loops"]
    assert module.slug == "basics"
    assert [lesson.slug for lesson in lessons] == ["variables", "reading"]


async def test_lesson_content_has_its_challenges_in_order(uow: FakeUnitOfWork) -> None:
    content = await CatalogueService(uow).lesson(VARIABLES)

    assert content.module.id == BASICS
    assert [challenge.id for challenge in content.challenges] == [PICK_ONE, PICK_MANY, TYPE_IT]
    assert content.challenge_after(PICK_MANY) == content.challenges[2]
    assert content.challenge_after(TYPE_IT) is None


@pytest.mark.parametrize("lesson_id", [DRAFT, SECRET, 999])
async def test_unpublished_lessons_are_unavailable(uow: FakeUnitOfWork, lesson_id: int) -> None:
    with pytest.raises(ContentUnavailable):
        await CatalogueService(uow).lesson(lesson_id)


@pytest.mark.parametrize("module_id", [HIDDEN, 999])
async def test_unpublished_modules_are_unavailable(uow: FakeUnitOfWork, module_id: int) -> None:
    with pytest.raises(ContentUnavailable):
        await CatalogueService(uow).lessons(module_id)


@pytest.mark.parametrize("lesson_id", [DRAFT, SECRET])
async def test_unpublished_lessons_cannot_be_started(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner, lesson_id: int
) -> None:
    with pytest.raises(ContentUnavailable):
        await progress_service.start_lesson(learner, lesson_id)
    with pytest.raises(ContentUnavailable):
        await progress_service.finish_reading(learner, lesson_id)

    assert uow.working.progress == {}


@pytest.mark.parametrize("challenge_id", [DRAFT_QUIZ, SECRET_QUIZ, 999])
async def test_unpublished_challenges_cannot_be_answered(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner, challenge_id: int
) -> None:
    submission = RIGHT.get(challenge_id, RIGHT[PICK_ONE])
    with pytest.raises(ContentUnavailable):
        async with uow:
            await progress_service.answer(learner, challenge_id, submission)

    assert (uow.saved.progress, uow.saved.answers, uow.saved.activities) == ({}, {}, [])
