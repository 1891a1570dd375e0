from collections.abc import Iterable
from dataclasses import replace

from domain.catalogue import Challenge, Lesson, Module, ModuleOutline
from domain.content import NO_SETTINGS, CourseSettings
from domain.kinds import kind_of


class FakeCatalogue:
    """Content held in memory, in (order, id) order whatever order it was given in.

    Lesson queries check only the lesson's own flag, so a lesson inside an unpublished
    module is returned and the services must check the module themselves. A challenge is
    published only with its lesson and module, as the port promises (the SQL adapter joins).
    """

    def __init__(
        self,
        modules: Iterable[Module],
        lessons: Iterable[Lesson],
        challenges: Iterable[Challenge],
    ) -> None:
        self.modules = sorted(modules, key=lambda row: (row.order, row.id))
        self.lessons = sorted(lessons, key=lambda row: (row.order, row.id))
        self.all_challenges = sorted(challenges, key=lambda row: (row.order, row.id))
        self.settings = NO_SETTINGS

    async def course_settings(self) -> CourseSettings:
        return self.settings

    def lesson_of(self, challenge_id: int) -> int:
        return next(row.lesson_id for row in self.all_challenges if row.id == challenge_id)

    async def published_modules(self) -> list[Module]:
        return [module for module in self.modules if module.is_published]

    async def published_outline(self) -> list[ModuleOutline]:
        return [
            ModuleOutline(
                module,
                tuple(
                    replace(lesson, content=None)
                    for lesson in await self.published_lessons(module.id)
                ),
            )
            for module in await self.published_modules()
        ]

    async def published_module(self, module_id: int) -> Module | None:
        modules = await self.published_modules()
        return next((module for module in modules if module.id == module_id), None)

    async def published_lessons(self, module_id: int) -> list[Lesson]:
        return [
            lesson
            for lesson in self.lessons
            if lesson.module_id == module_id and lesson.is_published
        ]

    async def published_lesson(self, lesson_id: int) -> Lesson | None:
        lessons = (lesson for lesson in self.lessons if lesson.is_published)
        return next((lesson for lesson in lessons if lesson.id == lesson_id), None)

    async def challenges(self, lesson_id: int) -> list[Challenge]:
        if await self.published_lesson(lesson_id) is None:
            return []
        return [row for row in self.all_challenges if row.lesson_id == lesson_id]

    async def published_challenge(self, challenge_id: int) -> Challenge | None:
        challenge = next((row for row in self.all_challenges if row.id == challenge_id), None)
        lesson = None if challenge is None else await self.published_lesson(challenge.lesson_id)
        if lesson is None or await self.published_module(lesson.module_id) is None:
            return None
        return challenge

    def is_servable(self, challenge_id: int) -> bool:
        """Published and of a kind review asks: what review serves (the SQL adapter joins)."""
        challenge = next((row for row in self.all_challenges if row.id == challenge_id), None)
        if challenge is None or not kind_of(challenge.kind).reviewable:
            return False
        lesson = next(row for row in self.lessons if row.id == challenge.lesson_id)
        module = next(row for row in self.modules if row.id == lesson.module_id)
        return lesson.is_published and module.is_published
