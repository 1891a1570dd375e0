"""A short account of what the database holds, for operators."""

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from infrastructure.db.models import ChallengeRow, LessonRow, ModuleRow, UserRow


async def summary(session: AsyncSession) -> dict[str, int]:
    """Published content and learners, in one round trip."""

    def count(*where: sa.ColumnExpressionArgument[bool], of: type[object]) -> sa.ScalarSelect[int]:
        return sa.select(sa.func.count()).select_from(of).where(*where).scalar_subquery()

    statement = sa.select(
        count(ModuleRow.is_published, of=ModuleRow).label("published modules"),
        count(LessonRow.is_published, of=LessonRow).label("published lessons"),
        count(of=ChallengeRow).label("challenges"),
        count(of=UserRow).label("learners"),
        count(UserRow.is_active, of=UserRow).label("active learners"),
    )
    row = (await session.execute(statement)).one()
    return {key: int(value) for key, value in row._mapping.items()}
