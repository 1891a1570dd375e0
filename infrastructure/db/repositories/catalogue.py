import json

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.ext.asyncio import AsyncSession

from domain.catalogue import Challenge, Lesson, Module, ModuleOutline
from domain.enums import ChallengeKind
from infrastructure.db.models import ChallengeRow, LessonRow, ModuleRow


class SqlCatalogue:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def published_modules(self) -> list[Module]:
        statement = (
            sa.select(ModuleRow)
            .where(ModuleRow.is_published)
            .order_by(ModuleRow.order, ModuleRow.id)
        )
        return [to_module(row) for row in await self._session.scalars(statement)]

    async def published_outline(self) -> list[ModuleOutline]:
        """Two queries, lesson texts deferred: menus cost the same for any course size."""
        modules = await self.published_modules()
        statement = (
            sa.select(LessonRow)
            .join(ModuleRow, ModuleRow.id == LessonRow.module_id)
            .where(LessonRow.is_published, ModuleRow.is_published)
            .order_by(LessonRow.order, LessonRow.id)
            .options(orm.defer(LessonRow.content))
        )
        lessons = [
            to_lesson(row, with_content=False) for row in await self._session.scalars(statement)
        ]
        return [
            ModuleOutline(module, tuple(item for item in lessons if item.module_id == module.id))
            for module in modules
        ]

    async def published_module(self, module_id: int) -> Module | None:
        row = await self._session.get(ModuleRow, module_id)
        return to_module(row) if row is not None and row.is_published else None

    async def published_lessons(self, module_id: int) -> list[Lesson]:
        statement = (
            sa.select(LessonRow)
            .where(LessonRow.module_id == module_id, LessonRow.is_published)
            .order_by(LessonRow.order, LessonRow.id)
        )
        return [to_lesson(row) for row in await self._session.scalars(statement)]

    async def published_lesson(self, lesson_id: int) -> Lesson | None:
        row = await self._session.get(LessonRow, lesson_id)
        return to_lesson(row) if row is not None and row.is_published else None

    async def challenges(self, lesson_id: int) -> list[Challenge]:
        statement = (
            sa.select(ChallengeRow)
            .where(ChallengeRow.lesson_id == lesson_id)
            .order_by(ChallengeRow.order, ChallengeRow.id)
        )
        return [to_challenge(row) for row in await self._session.scalars(statement)]

    async def published_challenge(self, challenge_id: int) -> Challenge | None:
        statement = (
            sa.select(ChallengeRow)
            .join(LessonRow, LessonRow.id == ChallengeRow.lesson_id)
            .join(ModuleRow, ModuleRow.id == LessonRow.module_id)
            .where(ChallengeRow.id == challenge_id, LessonRow.is_published, ModuleRow.is_published)
        )
        row = await self._session.scalar(statement)
        return None if row is None else to_challenge(row)


def to_module(row: ModuleRow) -> Module:
    return Module(row.id, row.slug, row.title, row.description, row.order, row.is_published)


def to_lesson(row: LessonRow, *, with_content: bool = True) -> Lesson:
    return Lesson(
        id=row.id,
        module_id=row.module_id,
        slug=row.slug,
        title=row.title,
        content=row.content if with_content else None,
        order=row.order,
        estimated_duration=row.estimated_duration,
        is_published=row.is_published,
    )


def to_challenge(row: ChallengeRow) -> Challenge:
    """``answers`` holds option indexes for choice challenges and accepted texts otherwise."""
    answers = json.loads(row.answers)
    is_text = row.kind is ChallengeKind.TEXT
    return Challenge(
        id=row.id,
        lesson_id=row.lesson_id,
        slug=row.slug,
        order=row.order,
        kind=row.kind,
        prompt=row.prompt,
        options=tuple(json.loads(row.options)),
        correct_options=frozenset() if is_text else frozenset(answers),
        accepted_answers=tuple(answers) if is_text else (),
        explanation=row.explanation,
        points=row.points,
    )
