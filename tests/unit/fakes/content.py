from dataclasses import replace
from datetime import datetime

from domain.content import (
    NO_SETTINGS,
    AchievementSpec,
    CoursePack,
    CourseSettings,
    LessonSpec,
    ModuleSpec,
)
from domain.ports.content import ChallengePath


class FakeContentStore:
    """Content kept as specs by slug; ``writes`` counts every call that would change rows."""

    def __init__(self, answered: set[ChallengePath] | None = None) -> None:
        self.modules: dict[str, ModuleSpec] = {}
        self.achievements: dict[str, AchievementSpec] = {}
        self.answered = answered or set()
        self.settings = NO_SETTINGS
        self.league_tiers: tuple[str, ...] = ()
        self.writes = 0

    async def current(self) -> CoursePack:
        modules, achievements = tuple(self.modules.values()), tuple(self.achievements.values())
        return CoursePack("fake", None, modules, achievements, self.settings, self.league_tiers)

    async def answered_challenges(self) -> set[ChallengePath]:
        return set(self.answered)

    async def save_module(self, module: ModuleSpec, now: datetime) -> None:
        old = self.modules.get(module.slug)
        self.modules[module.slug] = replace(module, lessons=() if old is None else old.lessons)
        self.writes += 1

    async def save_lesson(self, module_slug: str, lesson: LessonSpec, now: datetime) -> None:
        module = self.modules[module_slug]
        kept = [item for item in module.lessons if item.slug != lesson.slug]
        self.modules[module_slug] = replace(module, lessons=(*kept, lesson))
        self.writes += 1

    async def save_achievement(self, achievement: AchievementSpec, now: datetime) -> None:
        self.achievements[achievement.slug] = achievement
        self.writes += 1

    async def save_settings(self, settings: CourseSettings, now: datetime) -> None:
        self.settings = settings

    async def save_league_tiers(self, names: tuple[str, ...]) -> None:
        self.league_tiers = names
        self.writes += 1

    async def unpublish_module(self, slug: str, now: datetime) -> None:
        self.modules[slug] = replace(self.modules[slug], published=False)
        self.writes += 1

    async def unpublish_lesson(self, module_slug: str, slug: str, now: datetime) -> None:
        module = self.modules[module_slug]
        lessons = tuple(
            replace(item, published=False) if item.slug == slug else item for item in module.lessons
        )
        self.modules[module_slug] = replace(module, lessons=lessons)
        self.writes += 1


class FakeContentPorts:
    def __init__(self, store: FakeContentStore) -> None:
        self.content = store
        self.commits = 0

    async def commit(self) -> None:
        self.commits += 1

    async def rollback(self) -> None:
        pass
