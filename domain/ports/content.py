from datetime import datetime
from typing import Protocol

from domain.content import AchievementSpec, CoursePack, CourseSettings, LessonSpec, ModuleSpec

ChallengePath = tuple[str, str, str]
"""(module slug, lesson slug, challenge slug): a challenge's stable address."""


class ContentReader(Protocol):
    async def current(self) -> CoursePack:
        """Everything in the database, published or not, as a pack (what export writes)."""
        ...

    async def answered_challenges(self) -> set[ChallengePath]:
        """Challenges some learner has answered: their rows must never be deleted."""
        ...


class ContentWriter(Protocol):
    """Upserts by slug. Nothing is deleted except challenges nobody has answered."""

    async def save_module(self, module: ModuleSpec, now: datetime) -> None: ...

    async def save_lesson(self, module_slug: str, lesson: LessonSpec, now: datetime) -> None:
        """Insert or update the lesson and make its challenges exactly the given ones."""
        ...

    async def save_achievement(self, achievement: AchievementSpec, now: datetime) -> None: ...

    async def save_settings(self, settings: CourseSettings, now: datetime) -> None:
        """Replace the course-wide settings (level names, streak freeze rules)."""
        ...

    async def unpublish_module(self, slug: str, now: datetime) -> None: ...

    async def save_league_tiers(self, names: tuple[str, ...]) -> None:
        """Make the tier names exactly these, bottom tier first."""
        ...

    async def unpublish_lesson(self, module_slug: str, slug: str, now: datetime) -> None: ...


class ContentStore(ContentReader, ContentWriter, Protocol):
    pass
