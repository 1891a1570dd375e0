from collections.abc import Sequence
from datetime import datetime

from domain.achievements import Achievement, EarnedAchievement, LearnerTotals, Standing
from domain.enums import ProgressStatus

from .catalogue import FakeCatalogue
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
        completed = {
            lesson_id: row.score or 0
            for (owner, lesson_id), row in self._tables.progress.items()
            if owner == user_id and row.status is ProgressStatus.COMPLETED
        }
        solved = {
            row.challenge_id
            for row in self._tables.answers.values()
            if row.user_id == user_id and row.is_correct
        }
        earned = [key[1] for key in self._tables.earned if key[0] == user_id]
        return LearnerTotals(
            lessons_completed=len(completed),
            challenges_solved=len(solved),
            lesson_score=sum(completed.values()),
            achievement_points=sum(self._points[achievement_id] for achievement_id in earned),
            completed_modules=await self._completed_modules(set(completed)),
        )

    async def standing(self, user_id: int, since: datetime | None = None) -> Standing:
        earned = frozenset(key[1] for key in self._tables.earned if key[0] == user_id)
        days = sorted(day for owner, day in self._tables.study_days if owner == user_id)
        today = 0 if since is None else await self.points_since(user_id, since)
        return Standing(await self.totals(user_id), earned, tuple(days), today)

    async def points_since(self, user_id: int, since: datetime) -> int:
        lessons = sum(
            row.score or 0
            for (owner, _), row in self._tables.progress.items()
            if owner == user_id and row.completed_at is not None and row.completed_at >= since
        )
        reviews = sum(
            row.points
            for (owner, _, _), row in self._tables.reviews.items()
            if owner == user_id and row.reviewed_at >= since
        )
        return lessons + reviews + self.points_earned_since(user_id, since)

    async def _completed_modules(self, completed: set[int]) -> frozenset[str]:
        slugs = set()
        for module in await self._catalogue.published_modules():
            lessons = {lesson.id for lesson in await self._catalogue.published_lessons(module.id)}
            if lessons and lessons <= completed:
                slugs.add(module.slug)
        return frozenset(slugs)

    async def achievements_count(self, user_id: int) -> int:
        return sum(1 for owner, _ in self._tables.earned if owner == user_id)

    def points_earned_since(self, user_id: int, since: datetime) -> int:
        return sum(
            self._points[achievement_id]
            for (owner, achievement_id), earned_at in self._tables.earned.items()
            if owner == user_id and earned_at >= since
        )
