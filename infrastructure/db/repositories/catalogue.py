from domain.catalogue import Challenge, Lesson, Module, ModuleOutline
from domain.content import CourseSettings
from infrastructure.db.content_version import ContentVersion
from infrastructure.db.repositories.catalogue_cache import (
    CatalogueCache,
    CatalogueSnapshot,
    load_snapshot,
)
from infrastructure.db.transaction import OnTransaction, Transaction


class SqlCatalogue(OnTransaction):
    """Answers from the process's cached snapshot of the version this unit of work saw.

    A unit of work that wrote content reads its own (uncommitted) rows instead, so the
    shared cache never holds content that might yet be rolled back.
    """

    def __init__(self, transaction: Transaction, cache: CatalogueCache, version: ContentVersion):
        super().__init__(transaction)
        self._cache = cache
        self._version = version

    async def snapshot(self) -> CatalogueSnapshot:
        if self._version.written:
            return await load_snapshot(self._session)
        version = await self._version.current()
        return await self._cache.snapshot(lambda: self._session, version)

    async def published_modules(self) -> list[Module]:
        return [
            module for module in (await self.snapshot()).modules.values() if module.is_published
        ]

    async def published_outline(self) -> list[ModuleOutline]:
        return list((await self.snapshot()).outline)

    async def published_module(self, module_id: int) -> Module | None:
        module = (await self.snapshot()).modules.get(module_id)
        return module if module is not None and module.is_published else None

    async def published_lessons(self, module_id: int) -> list[Lesson]:
        lessons = (await self.snapshot()).lessons.values()
        return [item for item in lessons if item.module_id == module_id and item.is_published]

    async def published_lesson(self, lesson_id: int) -> Lesson | None:
        lesson = (await self.snapshot()).lessons.get(lesson_id)
        return lesson if lesson is not None and lesson.is_published else None

    async def challenges(self, lesson_id: int) -> list[Challenge]:
        return list((await self.snapshot()).challenges.get(lesson_id, ()))

    async def course_settings(self) -> CourseSettings:
        return (await self.snapshot()).settings

    async def published_challenge(self, challenge_id: int) -> Challenge | None:
        snapshot = await self.snapshot()
        challenge = snapshot.challenge_ids.get(challenge_id)
        if challenge is None:
            return None
        lesson = snapshot.lessons[challenge.lesson_id]
        module = snapshot.modules[lesson.module_id]
        return challenge if lesson.is_published and module.is_published else None
