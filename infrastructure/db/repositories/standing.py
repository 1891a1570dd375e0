"""A learner's standing in one statement: completed lessons, earned achievements, study
days and the solved-challenge count, as tagged rows of one UNION ALL. Module completion
and award points come from the cached catalogue, not from more joins."""

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.achievements import LearnerTotals, Standing
from domain.enums import ProgressStatus
from infrastructure.db.models import AnswerRow, EarnedRow, ProgressRow, StudyDayRow, table
from infrastructure.db.repositories.catalogue_cache import CatalogueSnapshot

LESSON, EARNED, DAY, SOLVED = "lesson", "earned", "day", "solved"


def standing_query(user_id: int) -> sa.CompoundSelect[Any]:
    progress, earned = table(ProgressRow), table(EarnedRow)
    days, answers = table(StudyDayRow), table(AnswerRow)
    no_day = sa.cast(sa.null(), sa.Date)
    return sa.union_all(
        sa.select(sa.literal(LESSON).label("kind"), progress.c.lesson_id, progress.c.score)
        .add_columns(no_day.label("day"))
        .where(progress.c.user_id == user_id, progress.c.status == ProgressStatus.COMPLETED),
        sa.select(sa.literal(EARNED), earned.c.achievement_id, sa.null(), no_day).where(
            earned.c.user_id == user_id
        ),
        sa.select(sa.literal(DAY), sa.null(), sa.null(), days.c.day).where(
            days.c.user_id == user_id
        ),
        sa.select(sa.literal(SOLVED), sa.func.count(sa.distinct(answers.c.challenge_id)), sa.null())
        .add_columns(no_day)
        .where(answers.c.user_id == user_id, answers.c.is_correct),
    )


async def read_standing(
    session: AsyncSession, user_id: int, catalogue: CatalogueSnapshot
) -> Standing:
    scores: dict[int, int] = {}
    earned: set[int] = set()
    days = []
    solved = 0
    for kind, number, score, day in await session.execute(standing_query(user_id)):
        if kind == LESSON:
            scores[number] = score or 0
        elif kind == EARNED:
            earned.add(number)
        elif kind == DAY:
            days.append(day)
        else:
            solved = int(number)
    points = sum(a.points for a in catalogue.achievements if a.id in earned)
    totals = LearnerTotals(
        lessons_completed=len(scores),
        challenges_solved=solved,
        lesson_score=sum(scores.values()),
        achievement_points=points,
        completed_modules=completed_modules(catalogue, set(scores)),
    )
    return Standing(totals, frozenset(earned), tuple(sorted(days)))


def completed_modules(catalogue: CatalogueSnapshot, completed: set[int]) -> frozenset[str]:
    """Published modules with published lessons, every one of them completed."""
    done = set()
    for module in catalogue.modules.values():
        lessons = {
            lesson.id
            for lesson in catalogue.lessons.values()
            if lesson.module_id == module.id and lesson.is_published
        }
        if module.is_published and lessons and lessons <= completed:
            done.add(module.slug)
    return frozenset(done)
