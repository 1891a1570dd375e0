"""The pack's file formats as pydantic models: unknown keys are mistakes, not extras."""

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from domain.content import CourseSettings
from domain.enums import AchievementType, ChallengeForm, ChallengeKind
from domain.freezes import MAX_FREEZES
from domain.leagues import MAX_TIERS
from domain.levels import MAX_LEVELS


def _scalar_to_text(value: Any) -> Any:
    """``options: [3, 4, 5]`` and ``answer: 42`` mean text; YAML reads them as numbers."""
    if isinstance(value, bool | int | float):
        return str(value)
    return value


Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=100),
    Field(description="lower-case letters, digits, '-' and '_'"),
]
Title = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
Text = Annotated[str, BeforeValidator(_scalar_to_text), StringConstraints(min_length=1)]
Order = Annotated[int, Field(ge=0)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Listed(Strict):
    """An entry of a list (a challenge, an achievement): validated entry by entry."""

    slug: Slug


Entries = list[dict[str, Any]]
"""A list of such entries as the enclosing document holds it, before each is validated."""


class ChallengeModel(Listed):
    kind: ChallengeKind
    prompt: Text
    options: list[Text] = []
    answer: Text | None = None
    answers: list[Text] | None = None
    explanation: str | None = None
    points: Annotated[int, Field(ge=0)] = 10
    form: ChallengeForm = ChallengeForm.BUTTONS
    open_period: Annotated[int, Field(ge=5, le=600, description="seconds")] | None = None


class LessonModel(Strict):
    """The front matter of a lesson's Markdown file."""

    slug: Slug
    title: Title
    order: Order | None = None
    estimated_duration: Annotated[int, Field(ge=1, description="minutes")] | None = None
    published: bool = True
    challenges: Entries | None = None


class ChallengesFile(Strict):
    """``<lesson>.challenges.yaml``: the challenges kept beside the lesson."""

    challenges: Entries


class ModuleModel(Strict):
    slug: Slug
    title: Title
    description: str | None = None
    order: Order | None = None
    published: bool = True


class AchievementModel(Listed):
    type: AchievementType
    title: Title
    description: str | None = None
    icon: str | None = None
    points: Annotated[int, Field(ge=0)] = 0
    criteria: dict[str, Any] | None = None


LevelNumber = Annotated[int, Field(ge=1, le=MAX_LEVELS)]
LevelName = Annotated[str, StringConstraints(min_length=1, max_length=40, strip_whitespace=True)]


class StreakFreezeModel(Strict):
    """Streak freeze rules; a key left out keeps the operator's setting."""

    every: Annotated[int, Field(ge=0, le=365, description="days in a row per freeze")] | None = None
    max: Annotated[int, Field(ge=0, le=MAX_FREEZES, description="freezes held")] | None = None
    achievements: list[Slug] = []
    """Achievements that each bring a freeze."""


TierName = Annotated[str, StringConstraints(min_length=1, max_length=50, strip_whitespace=True)]


class CourseModel(Strict):
    title: Title
    description: str | None = None
    achievements: Entries = []
    league_tiers: Annotated[
        list[TierName], Field(max_length=MAX_TIERS, description="bottom tier first")
    ] = []
    level_names: dict[LevelNumber, LevelName] = {}
    streak_freeze: StreakFreezeModel | None = None

    def settings(self) -> CourseSettings:
        freeze = self.streak_freeze or StreakFreezeModel()
        names = tuple(sorted(self.level_names.items()))
        return CourseSettings(names, freeze.every, freeze.max, tuple(freeze.achievements))
