from datetime import datetime
from typing import Protocol

from domain.achievements import Achievement, EarnedAchievement, LearnerFacts, LearnerTotals


class AchievementRepository(Protocol):
    async def definitions(self) -> list[Achievement]: ...

    async def earned(self, user_id: int) -> list[EarnedAchievement]: ...

    async def award(self, user_id: int, achievement_id: int, now: datetime) -> bool:
        """Record the award unless it exists; True only for the call that recorded it."""
        ...


class TotalsReader(Protocol):
    async def totals(self, user_id: int) -> LearnerTotals:
        """Counts over completed lessons, solved challenges and earned points (no streak)."""
        ...

    async def facts(self, user_id: int, since: datetime | None = None) -> LearnerFacts:
        """The totals with the ids of earned achievements and the study days, at once;
        with ``since``, also the points earned since then (as ``points_since`` counts)."""
        ...

    async def points_since(self, user_id: int, since: datetime) -> int:
        """Points as the weekly board counts them: the best scores of lessons first
        completed at or after ``since``, and the achievements earned since."""
        ...
