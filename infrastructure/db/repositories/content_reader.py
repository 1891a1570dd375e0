"""Reads every module, lesson, challenge and achievement back as a course pack."""

import json
from collections import defaultdict

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.content import (
    AchievementSpec,
    ChallengeSpec,
    CoursePack,
    LessonSpec,
    ModuleSpec,
    canonical_json,
)
from domain.enums import ChallengeForm
from domain.ports.content import ChallengePath
from infrastructure.db.models import (
    AchievementRow,
    AnswerRow,
    ChallengeRow,
    LeagueTierNameRow,
    LessonRow,
    ModuleRow,
)
from infrastructure.db.repositories.course_settings import read_settings


class SqlContentReader:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def current(self) -> CoursePack:
        """Five queries whatever the size: content is read table by table, then grouped."""
        challenges: defaultdict[int, list[ChallengeSpec]] = defaultdict(list)
        for challenge in await self._session.scalars(
            sa.select(ChallengeRow).order_by(ChallengeRow.order, ChallengeRow.id)
        ):
            challenges[challenge.lesson_id].append(to_challenge_spec(challenge))
        lessons: defaultdict[int, list[LessonSpec]] = defaultdict(list)
        for lesson in await self._session.scalars(
            sa.select(LessonRow).order_by(LessonRow.order, LessonRow.id)
        ):
            lessons[lesson.module_id].append(to_lesson_spec(lesson, challenges[lesson.id]))
        modules = await self._session.scalars(
            sa.select(ModuleRow).order_by(ModuleRow.order, ModuleRow.id)
        )
        achievements = await self._session.scalars(
            sa.select(AchievementRow).order_by(AchievementRow.id)
        )
        specs = tuple(to_achievement_spec(row) for row in achievements)
        tiers = await self._session.scalars(
            sa.select(LeagueTierNameRow.name).order_by(LeagueTierNameRow.tier)
        )
        return CoursePack(
            "Exported course",
            modules=tuple(to_module_spec(row, lessons[row.id]) for row in modules),
            achievements=specs,
            settings=await read_settings(self._session),
            league_tiers=tuple(tiers),
        )

    async def answered_challenges(self) -> set[ChallengePath]:
        statement = (
            sa.select(ModuleRow.slug, LessonRow.slug, ChallengeRow.slug)
            .join(LessonRow, LessonRow.module_id == ModuleRow.id)
            .join(ChallengeRow, ChallengeRow.lesson_id == LessonRow.id)
            .where(sa.exists().where(AnswerRow.challenge_id == ChallengeRow.id))
        )
        rows = await self._session.execute(statement)
        return {(module, lesson, challenge) for module, lesson, challenge in rows}


def to_module_spec(row: ModuleRow, lessons: list[LessonSpec]) -> ModuleSpec:
    return ModuleSpec(
        row.slug, row.title, row.description, row.order, row.is_published, tuple(lessons)
    )


def to_lesson_spec(row: LessonRow, challenges: list[ChallengeSpec]) -> LessonSpec:
    return LessonSpec(
        slug=row.slug,
        title=row.title,
        content=row.content or "",
        order=row.order,
        estimated_duration=row.estimated_duration,
        published=row.is_published,
        challenges=tuple(challenges),
    )


def to_challenge_spec(row: ChallengeRow) -> ChallengeSpec:
    return ChallengeSpec(
        slug=row.slug,
        kind=row.kind,
        prompt=row.prompt,
        options=tuple(json.loads(row.options)),
        answers=tuple(json.loads(row.answers)),
        explanation=row.explanation,
        points=row.points,
        form=ChallengeForm(row.form),
        open_period=row.open_period,
    )


def to_achievement_spec(row: AchievementRow) -> AchievementSpec:
    return AchievementSpec(
        slug=row.slug,
        type=row.type,
        title=row.title,
        description=row.description,
        icon=row.icon,
        points=row.points,
        criteria=None if row.criteria is None else canonical_json(json.loads(row.criteria)),
    )
