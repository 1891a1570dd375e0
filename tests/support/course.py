"""A small course written straight into the tables (publishing content is a CLI concern)."""

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from infrastructure.db.models import AchievementRow, ChallengeRow, LessonRow, ModuleRow, table

CREATED = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Course:
    """Ids of the seeded rows, by role."""

    basics: int
    advanced: int
    draft: int
    first_lesson: int
    reading: int
    unpublished_lesson: int
    advanced_lesson: int
    hidden_lesson: int
    single: int
    text: int
    multiple: int
    hidden_challenge: int


async def seed_course(engine: AsyncEngine) -> Course:
    async with engine.begin() as connection:

        async def add(model: Any, **values: Any) -> int:
            stamps = {"created_at": CREATED, "updated_at": CREATED}
            result = await connection.execute(sa.insert(table(model)).values(values | stamps))
            return int(result.inserted_primary_key[0])

        async def module(slug: str, order: int, published: bool) -> int:
            return await add(
                ModuleRow, slug=slug, title=slug.title(), order=order, is_published=published
            )

        async def lesson(module_id: int, slug: str, order: int, published: bool = True) -> int:
            return await add(
                LessonRow,
                module_id=module_id,
                slug=slug,
                title=slug.title(),
                content=f"# {slug}",
                order=order,
                estimated_duration=5,
                is_published=published,
            )

        async def challenge(
            lesson_id: int,
            slug: str,
            order: int,
            kind: str,
            options: list[str],
            answers: list[Any],
            points: int,
        ) -> int:
            return await add(
                ChallengeRow,
                lesson_id=lesson_id,
                slug=slug,
                order=order,
                kind=kind,
                prompt=f"{slug}?",
                options=json.dumps(options),
                answers=json.dumps(answers),
                explanation="Because.",
                points=points,
            )

        basics = await module("basics", 1, True)
        advanced = await module("advanced", 2, True)
        draft = await module("draft", 3, False)
        first_lesson = await lesson(basics, "first", 1)
        reading = await lesson(basics, "reading", 2)
        unpublished_lesson = await lesson(basics, "later", 3, published=False)
        advanced_lesson = await lesson(advanced, "deeper", 1)
        hidden_lesson = await lesson(draft, "secret", 1)
        course = Course(
            basics,
            advanced,
            draft,
            first_lesson,
            reading,
            unpublished_lesson,
            advanced_lesson,
            hidden_lesson,
            single=await challenge(
                first_lesson, "pick", 1, "single_choice", ["a", "b", "c"], [1], 10
            ),
            text=await challenge(first_lesson, "type", 2, "text", [], ["print", "print()"], 5),
            multiple=await challenge(
                advanced_lesson, "many", 1, "multiple_choice", ["x", "y", "z"], [0, 2], 10
            ),
            hidden_challenge=await challenge(
                hidden_lesson, "hidden", 1, "single_choice", ["a", "b"], [0], 10
            ),
        )
        for slug, kind, points, criteria in ACHIEVEMENTS:
            await add(
                AchievementRow,
                slug=slug,
                type=kind,
                title=slug.title(),
                icon="*",
                points=points,
                criteria=json.dumps(criteria),
            )
        return course


ACHIEVEMENTS = [
    ("first-lesson", "LESSON_COMPLETED", 5, {"lessons_completed": 1}),
    ("basics-done", "MODULE_COMPLETED", 20, {"module": "basics"}),
    ("solver", "CHALLENGES_SOLVED", 0, {"challenges_solved": 2}),
    ("two-days", "STREAK", 0, {"streak_days": 2}),
    ("thirty", "MILESTONE", 10, {"total_score": 30}),
]
