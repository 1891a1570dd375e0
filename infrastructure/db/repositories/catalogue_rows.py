"""Content rows to domain objects (``answers`` and ``options`` are stored as JSON)."""

import json

from domain.catalogue import Challenge, Lesson, Module
from domain.enums import ChallengeForm
from domain.kinds import kind_of
from infrastructure.db.models import ChallengeRow, LessonRow, ModuleRow


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
    correct_options, accepted_answers = kind_of(row.kind).loaded(json.loads(row.answers))
    return Challenge(
        id=row.id,
        lesson_id=row.lesson_id,
        slug=row.slug,
        order=row.order,
        kind=row.kind,
        prompt=row.prompt,
        options=tuple(json.loads(row.options)),
        correct_options=correct_options,
        accepted_answers=accepted_answers,
        explanation=row.explanation,
        points=row.points,
        form=ChallengeForm(row.form),
        open_period=row.open_period,
    )
