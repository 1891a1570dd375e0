"""What the database holds after a run, read in full: answers, progress, activity, awards."""

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine
from sqlalchemy.pool import NullPool

from domain.achievements import Achievement
from domain.enums import ActivityType
from infrastructure.db.models import (
    AchievementRow,
    ActivityRow,
    AnswerRow,
    ChallengeRow,
    EarnedRow,
    LessonRow,
    ModuleRow,
    ProgressRow,
    ReviewCardRow,
    UserRow,
)
from infrastructure.db.repositories.achievements import to_achievement

AnswerKey = tuple[int, int, int, int]
"""(user, challenge, take, attempt): what identifies one answer."""


@dataclass(frozen=True)
class Rows:
    answers: list[tuple[AnswerKey, bool]]
    progress: dict[tuple[int, int], tuple[int, str]]
    activity: dict[ActivityType, Counter[tuple[Any, ...]]]
    earned: Counter[tuple[int, int]]
    achievements: list[Achievement]
    scores: dict[tuple[int, int], int]
    lesson_of: dict[int, int]
    lessons_in_module: dict[str, frozenset[int]]
    telegram_of: dict[int, int]
    card_reps: Counter[tuple[int, int]]
    """Reviews per (user, challenge) by the cards: every counted answer is one."""


async def read_rows(database_url: str) -> Rows:
    engine = create_async_engine(database_url, poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            return await _read(connection)
    finally:
        await engine.dispose()


async def _read(connection: AsyncConnection) -> Rows:
    async def rows(statement: sa.Select[Any]) -> list[Any]:
        return list((await connection.execute(statement)).all())

    answers = await rows(
        sa.select(
            AnswerRow.user_id,
            AnswerRow.challenge_id,
            AnswerRow.take,
            AnswerRow.attempt,
            AnswerRow.is_correct,
        )
    )
    progress = await rows(
        sa.select(
            ProgressRow.user_id,
            ProgressRow.lesson_id,
            ProgressRow.attempts,
            ProgressRow.status,
            ProgressRow.score,
        )
    )
    activity = await rows(
        sa.select(
            ActivityRow.user_id,
            ActivityRow.activity_type,
            ActivityRow.entity_id,
            ActivityRow.details,
        )
    )
    earned = await rows(sa.select(EarnedRow.user_id, EarnedRow.achievement_id))
    lessons = await rows(
        sa.select(LessonRow.id, ModuleRow.slug).join(ModuleRow, ModuleRow.id == LessonRow.module_id)
    )
    modules: dict[str, set[int]] = {}
    for lesson_id, slug in lessons:
        modules.setdefault(slug, set()).add(lesson_id)
    return Rows(
        answers=[((u, c, t, a), bool(ok)) for u, c, t, a, ok in answers],
        progress={
            (u, lesson): (attempts, str(status)) for u, lesson, attempts, status, _ in progress
        },
        activity=_activity(activity),
        earned=Counter((u, achievement) for u, achievement in earned),
        achievements=[to_achievement(row) for row in await rows(sa.select(AchievementRow))],
        scores={(u, lesson): score for u, lesson, _, _, score in progress if score is not None},
        lesson_of=dict(await rows(sa.select(ChallengeRow.id, ChallengeRow.lesson_id))),
        lessons_in_module={slug: frozenset(ids) for slug, ids in modules.items()},
        telegram_of=dict(await rows(sa.select(UserRow.id, UserRow.telegram_id))),
        card_reps=Counter(
            {
                (u, c): reps
                for u, c, reps in await rows(
                    sa.select(ReviewCardRow.user_id, ReviewCardRow.challenge_id, ReviewCardRow.reps)
                )
            }
        ),
    )


def _activity(rows: list[Any]) -> dict[ActivityType, Counter[tuple[Any, ...]]]:
    """Answers keyed like challenge_answers, completions by take, the rest by entity."""
    counted: dict[ActivityType, Counter[tuple[Any, ...]]] = {
        kind: Counter() for kind in ActivityType
    }
    for user_id, kind, entity_id, details in rows:
        kind = ActivityType(kind)
        extra = json.loads(details) if details else {}
        if kind in {ActivityType.CHALLENGE_ATTEMPTED, ActivityType.CHALLENGE_SOLVED}:
            key: tuple[Any, ...] = (user_id, entity_id, extra["take"], extra["attempt"])
        elif kind is ActivityType.LESSON_COMPLETED:
            key = (user_id, entity_id, extra["take"])
        else:
            key = (user_id, entity_id)
        counted[kind][key] += 1
    return counted
