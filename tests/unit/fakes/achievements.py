from collections.abc import Sequence
from datetime import datetime

from domain.achievements import Achievement, EarnedAchievement, LearnerFacts, LearnerTotals
from domain.enums import ProgressStatus
from domain.totals import learner_totals, points

from .catalogue import FakeCatalogue
from .freezes import ledger_of
from .tables import Tables


class FakeAchievementRepository:
    def __init__(self, tables: Tables, definitions: Sequence[Achievement]) -> None:
        self._tables = tables
        self._definitions = {achievement.id: achievement for achievement in definitions}

    async def definitions(self) -> list[Achievement]:
        return list(self._definitions.values())

    async def earned(self, user_id: int) -> list[EarnedAchievement]:
        return [
            EarnedAchievement(self._definitions[achievement_id], earned_at)
            for (owner, achievement_id), earned_at in self._tables.earned.items()
            if owner == user_id
        ]

    async def award(self, user_id: int, achievement_id: int, now: datetime) -> bool:
        if achievement_id not in self._definitions:
            raise KeyError(f"no achievement {achievement_id}: a foreign key would refuse it")
        if (user_id, achievement_id) in self._tables.earned:
            return False
        self._tables.earned[user_id, achievement_id] = now
        return True


class FakeTotalsReader:
    """The same counts the SQL adapter computes, worked out from the in-memory rows."""

    def __init__(
        self, tables: Tables, catalogue: FakeCatalogue, definitions: Sequence[Achievement]
    ) -> None:
        self._tables = tables
        self._catalogue = catalogue
        self._points = {achievement.id: achievement.points for achievement in definitions}

    async def totals(self, user_id: int) -> LearnerTotals:
        """The facts of the in-memory rows, counted by the domain's rules as SQL's are."""
        completed = {
            lesson_id: row.score
            for (owner, lesson_id), row in self._tables.progress.items()
            if owner == user_id and row.status is ProgressStatus.COMPLETED
        }
        solved = {
            row.challenge_id
            for row in self._tables.answers.values()
            if row.user_id == user_id and row.is_correct
        }
        earned = {key[1] for key in self._tables.earned if key[0] == user_id}
        outline = await self._catalogue.published_outline()
        return learner_totals(completed, earned, len(solved), outline, self._points)

    async def facts(self, user_id: int, since: datetime | None = None) -> LearnerFacts:
        earned = frozenset(key[1] for key in self._tables.earned if key[0] == user_id)
        days = sorted(day for owner, day in self._tables.study_days if owner == user_id)
        today = 0 if since is None else await self.points_since(user_id, since)
        totals = await self.totals(user_id)
        return LearnerFacts(totals, earned, tuple(days), today, ledger_of(self._tables, user_id))

    async def points_since(self, user_id: int, since: datetime) -> int:
        lessons = [
            row.score
            for (owner, _), row in self._tables.progress.items()
            if owner == user_id
            and row.status is ProgressStatus.COMPLETED
            and row.completed_at is not None
            and row.completed_at >= since
        ]
        reviews = sum(
            row.points
            for (owner, _, _), row in self._tables.reviews.items()
            if owner == user_id and row.reviewed_at >= since
        )
        return points(lessons, self._earned_since(user_id, since), self._points) + reviews

    async def achievements_count(self, user_id: int) -> int:
        return sum(1 for owner, _ in self._tables.earned if owner == user_id)

    def _earned_since(self, user_id: int, since: datetime) -> list[int]:
        return [
            achievement_id
            for (owner, achievement_id), earned_at in self._tables.earned.items()
            if owner == user_id and earned_at >= since
        ]
