"""A course pack as the domain sees it: what should be published, keyed by stable slugs.

Specs carry no database ids, so the same values describe a pack read from files and the
content read back from the database; comparing the two is how publishing finds its diff.
"""

import json
from dataclasses import dataclass, field

from domain.enums import AchievementType, ChallengeForm, ChallengeKind
from domain.freezes import FreezeRules
from domain.levels import LevelCurve


@dataclass(frozen=True, slots=True)
class ChallengeSpec:
    """``answers`` holds option indexes for choice challenges and accepted texts otherwise."""

    slug: str
    kind: ChallengeKind
    prompt: str
    options: tuple[str, ...] = ()
    answers: tuple[int | str, ...] = ()
    explanation: str | None = None
    points: int = 10
    form: ChallengeForm = ChallengeForm.BUTTONS
    open_period: int | None = None
    """Seconds a quiz poll stays open; None leaves it open."""


@dataclass(frozen=True, slots=True)
class LessonSpec:
    slug: str
    title: str
    content: str
    order: int
    estimated_duration: int | None = None
    published: bool = True
    challenges: tuple[ChallengeSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class ModuleSpec:
    slug: str
    title: str
    description: str | None
    order: int
    published: bool = True
    lessons: tuple[LessonSpec, ...] = ()

    def header(self) -> "ModuleSpec":
        """The module's own fields, without its lessons: what a module row stores."""
        return ModuleSpec(self.slug, self.title, self.description, self.order, self.published)

    def lesson(self, slug: str) -> LessonSpec | None:
        return next((lesson for lesson in self.lessons if lesson.slug == slug), None)


@dataclass(frozen=True, slots=True)
class AchievementSpec:
    """``criteria`` is the JSON rule; None retires the achievement (it is never awarded)."""

    slug: str
    type: AchievementType
    title: str
    description: str | None = None
    icon: str | None = None
    points: int = 0
    criteria: str | None = None


@dataclass(frozen=True, slots=True)
class CourseSettings:
    """What a pack sets for the whole course besides its content: names for levels, and
    streak freeze rules (None leaves the operator's setting in force)."""

    level_names: tuple[tuple[int, str], ...] = ()
    freeze_every: int | None = None
    freeze_max: int | None = None
    freeze_rewards: tuple[str, ...] = ()
    """Slugs of the pack's achievements that each bring a streak freeze."""

    def levels(self, curve: LevelCurve) -> LevelCurve:
        return curve.named(self.level_names)

    def freezes(self, rules: FreezeRules) -> FreezeRules:
        return rules.overridden(self.freeze_every, self.freeze_max, self.freeze_rewards)

    def to_json(self) -> str:
        names = {str(level): name for level, name in self.level_names}
        freeze = {
            "every": self.freeze_every,
            "max": self.freeze_max,
            "achievements": list(self.freeze_rewards),
        }
        return canonical_json({"level_names": names, "streak_freeze": freeze})

    @classmethod
    def from_json(cls, raw: str | None) -> "CourseSettings":
        """What ``to_json`` wrote; anything else (no row yet) is no settings."""
        data = json.loads(raw) if raw else {}
        names = data.get("level_names") or {}
        freeze = data.get("streak_freeze") or {}
        return cls(
            tuple(sorted((int(level), str(name)) for level, name in names.items())),
            freeze.get("every"),
            freeze.get("max"),
            tuple(freeze.get("achievements") or ()),
        )


NO_SETTINGS = CourseSettings()


@dataclass(frozen=True, slots=True)
class CoursePack:
    title: str
    description: str | None = None
    modules: tuple[ModuleSpec, ...] = ()
    achievements: tuple[AchievementSpec, ...] = ()
    settings: CourseSettings = NO_SETTINGS
    league_tiers: tuple[str, ...] = ()
    """Names of the weekly leagues' tiers, bottom first; the bot names the others."""

    def module(self, slug: str) -> ModuleSpec | None:
        return next((module for module in self.modules if module.slug == slug), None)

    def achievement(self, slug: str) -> AchievementSpec | None:
        return next((item for item in self.achievements if item.slug == slug), None)

    @property
    def lesson_count(self) -> int:
        return sum(len(module.lessons) for module in self.modules)


@dataclass(slots=True)
class ContentDiff:
    """What a publish did, or would do, as human-readable paths such as ``lesson a/b``."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.unpublished)


def canonical_json(value: object) -> str:
    """One spelling per value, so a pack and the database compare equal when they agree."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
