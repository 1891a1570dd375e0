from datetime import datetime
from typing import Protocol

from domain.admin import LearnerCounts, LearnerSummary, LessonCount, ModuleCounts
from domain.enums import ActivityType


class LearnerDirectory(Protocol):
    """Operators' view of learners: searching and per-module progress."""

    async def search(self, text: str | None, active_only: bool, limit: int) -> list[LearnerSummary]:
        """Learners whose username, names or Telegram id contain ``text``, newest first."""
        ...

    async def module_progress(self, user_id: int) -> list[ModuleCounts]: ...


class StatsReader(Protocol):
    """Aggregates over the whole platform; each is one query."""

    async def learner_counts(self, today: datetime, week: datetime) -> LearnerCounts:
        """Totals, and learners last seen at or after ``today`` and ``week``."""
        ...

    async def completions(self, since: datetime | None) -> int:
        """Completed lessons (all time when ``since`` is None)."""
        ...

    async def funnel(self) -> list[ModuleCounts]: ...

    async def achievements_earned(self) -> int: ...

    async def activity(self, since: datetime) -> dict[ActivityType, int]: ...

    async def top_lessons(self, limit: int) -> list[LessonCount]: ...
