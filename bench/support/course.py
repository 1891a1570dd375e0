"""A generated course answered by buttons only: each lesson has a single-choice, a
multiple-choice and another single-choice challenge, published with the project's code."""

from pathlib import Path

import sqlalchemy as sa

from domain.catalogue import Challenge
from infrastructure.clock import SystemClock
from infrastructure.db.engine import create_engine, create_session_factory
from infrastructure.db.models import LessonRow, ModuleRow
from infrastructure.db.repositories.catalogue_cache import CatalogueCache
from infrastructure.db.uow import SqlUnitOfWork
from infrastructure.settings import Settings
from learnbot.content import publish, read_pack

LESSONS_PER_MODULE = 20
Course = list[list[Challenge]]
"""The published challenges, lesson by lesson, in the order a learner meets them."""


async def publish_course(database_url: str, folder: Path, lessons: int) -> Course:
    """Write a pack of ``lessons`` lessons under ``folder``, publish it, read it back."""
    pack = read_pack(write_pack(folder, lessons))
    engine = create_engine(Settings(database_url=database_url))
    try:
        async with SqlUnitOfWork(create_session_factory(engine), CatalogueCache()) as uow:
            await publish(uow, SystemClock(), pack)
            ordered = (
                sa.select(LessonRow.id)
                .join(ModuleRow, ModuleRow.id == LessonRow.module_id)
                .order_by(ModuleRow.order, LessonRow.order)
            )
            lesson_ids = list(await uow.session.scalars(ordered))
            return [await uow.catalogue.challenges(lesson_id) for lesson_id in lesson_ids]
    finally:
        await engine.dispose()


def write_pack(root: Path, lessons: int) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "course.yaml").write_text(COURSE, encoding="utf-8")
    for number in range(lessons):
        module, position = divmod(number, LESSONS_PER_MODULE)
        folder = root / f"{module + 1:03d}-module"
        if position == 0:
            folder.mkdir(exist_ok=True)
            module_yaml = f"slug: module-{module + 1}\ntitle: Module {module + 1}\n"
            (folder / "module.yaml").write_text(module_yaml, encoding="utf-8")
        lesson = LESSON.format(n=number)
        (folder / f"{position + 1:03d}-lesson.md").write_text(lesson, encoding="utf-8")
    return root


COURSE = """title: Answer benchmark
achievements:
  - slug: first-lesson
    type: LESSON_COMPLETED
    title: First lesson
    criteria: {lessons_completed: 1}
  - slug: ten-solved
    type: CHALLENGES_SOLVED
    title: Ten solved
    criteria: {challenges_solved: 10}
  - slug: hundred-points
    type: MILESTONE
    title: A hundred points
    criteria: {total_score: 100}
"""

LESSON = """---
slug: lesson-{n}
title: Lesson {n}
estimated_duration: 5
challenges:
  - slug: sum
    kind: single_choice
    prompt: What is {n} + 1?
    options: ["{n}", "{n} + 1 worked out", "nothing"]
    answer: "{n} + 1 worked out"
    explanation: Adding one moves to the **next** number.
  - slug: even
    kind: multiple_choice
    prompt: Pick the even ones
    options: ["2", "3", "4", "5"]
    answers: ["2", "4"]
  - slug: type
    kind: single_choice
    prompt: Which is a `str`?
    options: ["1", "'1'", "1.0"]
    answer: "'1'"
---

# Lesson {n}

Some **text** for lesson {n}, with `code`.
"""
