from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.admin import LearnerCounts, LessonCount, ModuleCounts
from domain.enums import ActivityType
from infrastructure.db.models import (
    ActivityRow,
    EarnedRow,
    LessonRow,
    ModuleRow,
    ProgressRow,
    UserRow,
)
from infrastructure.db.repositories.directory import COMPLETED, completed_count


class SqlStats:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def learner_counts(self, today: datetime, week: datetime) -> LearnerCounts:
        statement = sa.select(
            sa.func.count(),
            sa.func.count(sa.case((UserRow.is_active, 1))),
            sa.func.count(sa.case((UserRow.last_contact_at >= today, 1))),
            sa.func.count(sa.case((UserRow.last_contact_at >= week, 1))),
        ).select_from(UserRow)
        row = (await self._session.execute(statement)).one()
        return LearnerCounts(*(int(value) for value in row))

    async def completions(self, since: datetime | None) -> int:
        statement = sa.select(sa.func.count()).where(COMPLETED)
        if since is not None:
            statement = statement.where(ProgressRow.completed_at >= since)
        return int(await self._session.scalar(statement) or 0)

    async def funnel(self) -> list[ModuleCounts]:
        """Per published module: learners who began it, and who completed every lesson."""
        lessons = (
            sa.select(LessonRow.module_id, sa.func.count().label("total"))
            .where(LessonRow.is_published)
            .group_by(LessonRow.module_id)
            .subquery()
        )
        learners = (
            sa.select(LessonRow.module_id, ProgressRow.user_id, completed_count().label("done"))
            .join(LessonRow, sa.and_(LessonRow.id == ProgressRow.lesson_id, LessonRow.is_published))
            .group_by(LessonRow.module_id, ProgressRow.user_id)
            .subquery()
        )
        statement = (
            sa.select(
                ModuleRow.slug,
                ModuleRow.title,
                sa.func.coalesce(lessons.c.total, 0),
                sa.func.count(learners.c.user_id),
                sa.func.count(sa.case((learners.c.done == lessons.c.total, 1))),
            )
            .outerjoin(lessons, lessons.c.module_id == ModuleRow.id)
            .outerjoin(learners, learners.c.module_id == ModuleRow.id)
            .where(ModuleRow.is_published)
            .group_by(
                ModuleRow.id, ModuleRow.slug, ModuleRow.title, ModuleRow.order, lessons.c.total
            )
            .order_by(ModuleRow.order, ModuleRow.id)
        )
        rows = await self._session.execute(statement)
        return [ModuleCounts(slug, title, int(n), int(s), int(c)) for slug, title, n, s, c in rows]

    async def achievements_earned(self) -> int:
        return int(await self._session.scalar(sa.select(sa.func.count(EarnedRow.id))) or 0)

    async def activity(self, since: datetime) -> dict[ActivityType, int]:
        statement = (
            sa.select(ActivityRow.activity_type, sa.func.count())
            .where(ActivityRow.created_at >= since)
            .group_by(ActivityRow.activity_type)
        )
        rows = await self._session.execute(statement)
        return {kind: int(count) for kind, count in rows}

    async def top_lessons(self, limit: int) -> list[LessonCount]:
        """The lessons completed by the most learners."""
        completions = sa.func.count(ProgressRow.id)
        statement = (
            sa.select(LessonRow.id, LessonRow.title, ModuleRow.title, completions)
            .join(ProgressRow, sa.and_(ProgressRow.lesson_id == LessonRow.id, COMPLETED))
            .join(ModuleRow, ModuleRow.id == LessonRow.module_id)
            .group_by(LessonRow.id, LessonRow.title, ModuleRow.title)
            .order_by(completions.desc(), LessonRow.id)
            .limit(limit)
        )
        rows = await self._session.execute(statement)
        return [LessonCount(*row) for row in rows]
