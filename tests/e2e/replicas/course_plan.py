"""The example course as a scripted learner needs it: lessons in order, each challenge's key."""

import json
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.pool import NullPool

from domain.enums import ChallengeKind
from infrastructure.db.models import ChallengeRow, LessonRow, ModuleRow


@dataclass(frozen=True)
class ChallengeKey:
    id: int
    lesson_id: int
    kind: ChallengeKind
    option_count: int
    answers: tuple[int | str, ...]

    @property
    def correct_options(self) -> frozenset[int]:
        return frozenset(int(answer) for answer in self.answers)

    def wrong_option(self) -> int:
        return min(set(range(self.option_count)) - self.correct_options)


@dataclass(frozen=True)
class LessonPlan:
    id: int
    challenges: tuple[ChallengeKey, ...]


async def load_course(database_url: str) -> list[LessonPlan]:
    """Lessons in the order a learner meets them, with their challenges in order."""
    statement = (
        sa.select(ChallengeRow)
        .join(LessonRow, LessonRow.id == ChallengeRow.lesson_id)
        .join(ModuleRow, ModuleRow.id == LessonRow.module_id)
        .order_by(ModuleRow.order, LessonRow.order, ChallengeRow.order, ChallengeRow.id)
    )
    engine = create_async_engine(database_url, poolclass=NullPool)
    try:
        async with AsyncSession(engine) as session:
            rows = (await session.scalars(statement)).all()
    finally:
        await engine.dispose()
    lessons: dict[int, list[ChallengeKey]] = {}
    for row in rows:
        key = ChallengeKey(
            row.id,
            row.lesson_id,
            ChallengeKind(row.kind),
            len(json.loads(row.options)),
            tuple(json.loads(row.answers)),
        )
        lessons.setdefault(row.lesson_id, []).append(key)
    return [LessonPlan(lesson_id, tuple(keys)) for lesson_id, keys in lessons.items()]
