"""Achievements: definitions, the criteria they are earned by, and a learner's totals."""

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from domain.enums import AchievementType
from domain.errors import InvalidCriterion
from domain.freezes import EMPTY_LEDGER, FreezeLedger


@dataclass(frozen=True, slots=True)
class LearnerTotals:
    """Everything an achievement criterion can look at, for one learner."""

    lessons_completed: int = 0
    challenges_solved: int = 0
    lesson_score: int = 0
    achievement_points: int = 0
    completed_modules: frozenset[str] = frozenset()
    current_streak: int = 0

    @property
    def total_score(self) -> int:
        return self.lesson_score + self.achievement_points


@dataclass(frozen=True, slots=True)
class LearnerFacts:
    """What achievements and the streak look at after an answer, read in one go."""

    totals: LearnerTotals
    earned: frozenset[int]
    study_days: tuple[date, ...]
    points_today: int = 0
    """Points earned since the learner's midnight, when the read was given one."""
    freezes: FreezeLedger = EMPTY_LEDGER
    """The streak freezes earned and spent, which the streak counts with the study days."""


@dataclass(frozen=True, slots=True)
class Criterion:
    """One rule from the criteria JSON: a metric and the threshold or module it needs."""

    metric: str
    threshold: int = 0
    module: str | None = None

    def is_met(self, totals: LearnerTotals) -> bool:
        if self.module is not None:
            return self.module in totals.completed_modules
        return _METRICS[self.metric](totals) >= self.threshold

    def to_json(self) -> str:
        value: Any = self.module if self.module is not None else self.threshold
        return json.dumps({self.metric: value})


_METRICS: dict[str, Callable[[LearnerTotals], int]] = {
    "lessons_completed": lambda totals: totals.lessons_completed,
    "challenges_solved": lambda totals: totals.challenges_solved,
    "streak_days": lambda totals: totals.current_streak,
    "total_score": lambda totals: totals.total_score,
}

CRITERION_TYPES = {
    "lessons_completed": AchievementType.LESSON_COMPLETED,
    "module": AchievementType.MODULE_COMPLETED,
    "streak_days": AchievementType.STREAK,
    "challenges_solved": AchievementType.CHALLENGES_SOLVED,
    "total_score": AchievementType.MILESTONE,
}
"""Which achievement type each criterion key belongs to."""


def parse_criterion(raw: str | None) -> Criterion | None:
    """Read criteria JSON such as ``{"lessons_completed": 10}`` or ``{"module": "basics"}``."""
    if raw is None or not raw.strip():
        return None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InvalidCriterion(f"criteria is not JSON: {error.msg}") from error
    if not isinstance(data, dict) or len(data) != 1:
        raise InvalidCriterion("criteria must be an object with exactly one rule")
    ((metric, value),) = data.items()
    if metric == "module":
        if not isinstance(value, str) or not value:
            raise InvalidCriterion("'module' needs a module slug")
        return Criterion(metric, module=value)
    if metric not in _METRICS:
        raise InvalidCriterion(f"unknown criterion {metric!r}")
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidCriterion(f"{metric!r} needs a positive whole number")
    return Criterion(metric, threshold=value)


@dataclass(frozen=True, slots=True)
class Achievement:
    id: int
    slug: str
    type: AchievementType
    title: str
    description: str | None
    icon: str | None
    points: int
    criterion: Criterion | None

    def is_earned_by(self, totals: LearnerTotals) -> bool:
        return self.criterion is not None and self.criterion.is_met(totals)


@dataclass(frozen=True, slots=True)
class EarnedAchievement:
    achievement: Achievement
    earned_at: datetime


@dataclass(frozen=True, slots=True)
class Showcase:
    """Every achievement with the learner's award where there is one, and the titles of the
    modules that criteria name: a criterion names a module by its slug, a learner by its title."""

    items: Sequence[tuple[Achievement, EarnedAchievement | None]]
    module_titles: Mapping[str, str] = field(default_factory=dict)

    def module_title(self, slug: str) -> str:
        """An unpublished module has no title a learner could know; its slug stands in."""
        return self.module_titles.get(slug, slug)
