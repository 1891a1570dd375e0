from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.achievements import Achievement, EarnedAchievement, LearnerTotals, Standing
from domain.enums import ProgressStatus
from infrastructure.db.models import (
    AchievementRow,
    AnswerRow,
    EarnedRow,
    LessonRow,
    ModuleRow,
    ProgressRow,
    ReviewLogRow,
    table,
)
from infrastructure.db.repositories.achievement_rows import to_achievement
from infrastructure.db.repositories.catalogue import SqlCatalogue
from infrastructure.db.repositories.standing import read_standing
from infrastructure.db.repositories.totals import mark_changed
from infrastructure.db.upsert import insert_if_absent


class SqlAchievements:
    """Definitions come with the cached catalogue; a learner's awards from the database."""

    def __init__(self, session: AsyncSession, catalogue: SqlCatalogue) -> None:
        self._session = session
        self._catalogue = catalogue

    async def definitions(self) -> list[Achievement]:
        return list((await self._catalogue.snapshot()).achievements)

    async def earned(self, user_id: int) -> list[EarnedAchievement]:
        statement = (
            sa.select(AchievementRow, EarnedRow.earned_at)
            .join(EarnedRow, EarnedRow.achievement_id == AchievementRow.id)
            .where(EarnedRow.user_id == user_id)
            .order_by(EarnedRow.earned_at, AchievementRow.id)
        )
        rows = await self._session.execute(statement)
        return [EarnedAchievement(to_achievement(row), earned_at) for row, earned_at in rows]

    async def award(self, user_id: int, achievement_id: int, now: datetime) -> bool:
        values = {"user_id": user_id, "achievement_id": achievement_id, "earned_at": now}
        key = ["user_id", "achievement_id"]
        awarded = await insert_if_absent(self._session, table(EarnedRow), values, key)
        if awarded:
            await mark_changed(self._session, user_id)
        return awarded


class SqlTotals:
    def __init__(self, session: AsyncSession, catalogue: SqlCatalogue) -> None:
        self._session = session
        self._catalogue = catalogue

    async def standing(self, user_id: int, since: datetime | None = None) -> Standing:
        catalogue = await self._catalogue.snapshot()
        return await read_standing(self._session, user_id, catalogue, since)

    async def points_since(self, user_id: int, since: datetime) -> int:
        """One round trip: three sums, each over the learner's own rows (by ``user_id``):
        lessons, achievements and right reviews."""
        lessons = sa.select(sa.func.coalesce(sa.func.sum(ProgressRow.score), 0)).where(
            ProgressRow.user_id == user_id,
            ProgressRow.status == ProgressStatus.COMPLETED,
            ProgressRow.completed_at >= since,
        )
        earned = (
            sa.select(sa.func.coalesce(sa.func.sum(AchievementRow.points), 0))
            .join(EarnedRow, EarnedRow.achievement_id == AchievementRow.id)
            .where(EarnedRow.user_id == user_id, EarnedRow.earned_at >= since)
        )
        reviews = sa.select(sa.func.coalesce(sa.func.sum(ReviewLogRow.points), 0)).where(
            ReviewLogRow.user_id == user_id, ReviewLogRow.reviewed_at >= since
        )
        statement = sa.select(*(part.scalar_subquery() for part in (lessons, earned, reviews)))
        return sum(int(points) for points in (await self._session.execute(statement)).one())

    async def totals(self, user_id: int) -> LearnerTotals:
        """The counts in one round trip; completed modules in a second."""
        completed = sa.and_(
            ProgressRow.user_id == user_id, ProgressRow.status == ProgressStatus.COMPLETED
        )
        counts = sa.select(
            sa.select(sa.func.count()).where(completed).scalar_subquery(),
            sa.select(sa.func.coalesce(sa.func.sum(ProgressRow.score), 0))
            .where(completed)
            .scalar_subquery(),
            sa.select(sa.func.count(sa.distinct(AnswerRow.challenge_id)))
            .where(AnswerRow.user_id == user_id, AnswerRow.is_correct)
            .scalar_subquery(),
            sa.select(sa.func.coalesce(sa.func.sum(AchievementRow.points), 0))
            .join(EarnedRow, EarnedRow.achievement_id == AchievementRow.id)
            .where(EarnedRow.user_id == user_id)
            .scalar_subquery(),
        )
        lessons, score, solved, points = (await self._session.execute(counts)).one()
        return LearnerTotals(
            lessons_completed=int(lessons),
            challenges_solved=int(solved),
            lesson_score=int(score),
            achievement_points=int(points),
            completed_modules=await self._completed_modules(user_id),
        )

    async def _completed_modules(self, user_id: int) -> frozenset[str]:
        """Published modules whose every published lesson the learner has completed."""
        done = sa.and_(
            ProgressRow.lesson_id == LessonRow.id,
            ProgressRow.user_id == user_id,
            ProgressRow.status == ProgressStatus.COMPLETED,
        )
        statement = (
            sa.select(ModuleRow.slug)
            .join(LessonRow, sa.and_(LessonRow.module_id == ModuleRow.id, LessonRow.is_published))
            .outerjoin(ProgressRow, done)
            .where(ModuleRow.is_published)
            .group_by(ModuleRow.id, ModuleRow.slug)
            .having(sa.func.count(LessonRow.id) == sa.func.count(ProgressRow.id))
        )
        return frozenset(await self._session.scalars(statement))
