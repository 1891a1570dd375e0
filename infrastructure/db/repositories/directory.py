import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.admin import LearnerSummary, ModuleCounts
from domain.enums import ProgressStatus
from infrastructure.db.models import LessonRow, ModuleRow, ProgressRow, UserRow
from infrastructure.db.repositories.learners import to_learner

COMPLETED = ProgressRow.status == ProgressStatus.COMPLETED


def completed_count() -> sa.Function[int]:
    """COUNT of completed progress rows; portable where FILTER (WHERE ...) is not."""
    return sa.func.count(sa.case((COMPLETED, 1)))


class SqlLearnerDirectory:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def search(self, text: str | None, active_only: bool, limit: int) -> list[LearnerSummary]:
        completed = (
            sa.select(sa.func.count())
            .where(ProgressRow.user_id == UserRow.id, COMPLETED)
            .scalar_subquery()
        )
        statement = sa.select(UserRow, completed).order_by(UserRow.id.desc()).limit(limit)
        if active_only:
            statement = statement.where(UserRow.is_active)
        if text is not None:
            statement = statement.where(_matches(text))
        rows = await self._session.execute(statement)
        return [LearnerSummary(to_learner(row), int(done)) for row, done in rows]

    async def module_progress(self, user_id: int) -> list[ModuleCounts]:
        mine = sa.and_(ProgressRow.lesson_id == LessonRow.id, ProgressRow.user_id == user_id)
        statement = (
            sa.select(
                ModuleRow.slug,
                ModuleRow.title,
                sa.func.count(LessonRow.id),
                sa.func.count(ProgressRow.id),
                completed_count(),
            )
            .join(LessonRow, sa.and_(LessonRow.module_id == ModuleRow.id, LessonRow.is_published))
            .outerjoin(ProgressRow, mine)
            .where(ModuleRow.is_published)
            .group_by(ModuleRow.id, ModuleRow.slug, ModuleRow.title, ModuleRow.order)
            .order_by(ModuleRow.order, ModuleRow.id)
        )
        rows = await self._session.execute(statement)
        return [ModuleCounts(*row) for row in rows]


def _matches(text: str) -> sa.ColumnElement[bool]:
    """Username, names or Telegram id containing the text, wildcards taken literally."""
    telegram_id = sa.cast(UserRow.telegram_id, sa.String(20))
    return sa.or_(
        UserRow.username.icontains(text, autoescape=True),
        UserRow.first_name.icontains(text, autoescape=True),
        UserRow.last_name.icontains(text, autoescape=True),
        telegram_id.contains(text, autoescape=True),
    )
