"""Read models for operators: who the learners are and how the platform is used."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from domain.achievements import EarnedAchievement, LearnerTotals
from domain.enums import ActivityType, InboxStatus
from domain.freezes import NO_FREEZES, Freezes
from domain.leaderboard import LeaderboardEntry
from domain.learners import Learner
from domain.levels import Level
from domain.streaks import Streak


@dataclass(frozen=True, slots=True)
class LearnerSummary:
    """One line of ``users list``."""

    learner: Learner
    lessons_completed: int


@dataclass(frozen=True, slots=True)
class ModuleCounts:
    """One published module's lessons, and how far it got.

    For one learner, ``started`` and ``completed`` count that learner's lessons; in the
    platform's funnel they count learners who began the module and who finished all of it.
    """

    slug: str
    title: str
    lessons: int
    started: int
    completed: int


@dataclass(frozen=True, slots=True)
class LearnerProfile:
    """Everything ``users show`` prints about one learner."""

    learner: Learner
    totals: LearnerTotals
    modules: Sequence[ModuleCounts]
    achievements: Sequence[EarnedAchievement]
    streak: Streak
    board_entry: LeaderboardEntry | None
    freezes: Freezes = NO_FREEZES
    level: Level | None = None
    """On the operator's curve, named as the course pack names it."""


@dataclass(frozen=True, slots=True)
class LearnerCounts:
    total: int
    active: int
    seen_today: int
    seen_week: int


@dataclass(frozen=True, slots=True)
class LessonCount:
    lesson_id: int
    title: str
    module: str
    completions: int


@dataclass(frozen=True, slots=True)
class Stats:
    """The operator's dashboard: ``learnbot stats`` and the bot's /stats."""

    as_of: datetime
    learners: LearnerCounts
    lessons_completed: int
    lessons_completed_today: int
    achievements_earned: int
    funnel: Sequence[ModuleCounts] = ()
    activity_week: Mapping[ActivityType, int] = field(default_factory=dict)
    inbox: Mapping[InboxStatus, int] = field(default_factory=dict)
    top_lessons: Sequence[LessonCount] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "as_of": self.as_of.isoformat(),
            "learners": _fields(self.learners),
            "lessons_completed": self.lessons_completed,
            "lessons_completed_today": self.lessons_completed_today,
            "achievements_earned": self.achievements_earned,
            "funnel": [_fields(step) for step in self.funnel],
            "activity_week": {kind.value: self.activity_week.get(kind, 0) for kind in ActivityType},
            "inbox": {status.value: self.inbox.get(status, 0) for status in InboxStatus},
            "top_lessons": [_fields(lesson) for lesson in self.top_lessons],
        }


def _fields(row: object) -> dict[str, object]:
    return {name: getattr(row, name) for name in row.__slots__}  # type: ignore[attr-defined]
