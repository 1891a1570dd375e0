from typing import Protocol

from domain.catalogue import Challenge, Lesson, Module, ModuleOutline
from domain.content import CourseSettings


class CatalogueReader(Protocol):
    """Published content only: what is unpublished does not exist for learners."""

    async def published_modules(self) -> list[Module]: ...

    async def published_outline(self) -> list[ModuleOutline]:
        """Every published module with its published lessons, texts left out, in one go."""
        ...

    async def published_module(self, module_id: int) -> Module | None: ...

    async def published_lessons(self, module_id: int) -> list[Lesson]: ...

    async def published_lesson(self, lesson_id: int) -> Lesson | None: ...

    async def challenges(self, lesson_id: int) -> list[Challenge]: ...

    async def published_challenge(self, challenge_id: int) -> Challenge | None: ...

    async def course_settings(self) -> CourseSettings:
        """The pack's level names and streak freeze rules."""
        ...
