"""The published catalogue as learners see it; unpublished content does not exist here."""

from domain.catalogue import Lesson, LessonContent, Module
from domain.errors import ContentUnavailable
from domain.ports import CataloguePorts


class CatalogueService:
    def __init__(self, uow: CataloguePorts) -> None:
        self._catalogue = uow.catalogue

    async def modules(self) -> list[Module]:
        return await self._catalogue.published_modules()

    async def lessons(self, module_id: int) -> tuple[Module, list[Lesson]]:
        module = await self._catalogue.published_module(module_id)
        if module is None:
            raise ContentUnavailable(f"module {module_id} is not published")
        return module, await self._catalogue.published_lessons(module_id)

    async def lesson(self, lesson_id: int) -> LessonContent:
        lesson = await self._catalogue.published_lesson(lesson_id)
        module = (
            None if lesson is None else await self._catalogue.published_module(lesson.module_id)
        )
        if lesson is None or module is None:
            raise ContentUnavailable(f"lesson {lesson_id} is not published")
        challenges = await self._catalogue.challenges(lesson_id)
        return LessonContent(lesson, module, tuple(challenges))
