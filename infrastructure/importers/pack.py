"""A question bank as a course pack: categories become modules and lessons.

The first level of a question's category is its module and the rest its lesson; a bank
without categories becomes one module and one lesson named after the course. Each lesson
gets a short text, since the pack requires one, that the author is expected to rewrite.
"""

from collections.abc import Iterable

from domain.content import ChallengeSpec, CoursePack, LessonSpec, ModuleSpec
from infrastructure.importers.checks import problem
from infrastructure.importers.questions import Bank, Question
from infrastructure.importers.slugs import SlugSet, slugify

MAX_TITLE = 200
"""The pack's limit on module and lesson titles."""


def bank_to_pack(bank: Bank, title: str, source: str) -> CoursePack:
    """Questions the pack would refuse leave the bank here, each with a note at its line."""
    for question in list(bank.questions):
        if (reason := problem(question)) is not None:
            bank.reject(question, reason)
    grouped = _groups(bank.questions, title)
    module_slugs = SlugSet()
    modules = tuple(
        _module(module_slugs, name, lessons, order, source)
        for order, (name, lessons) in enumerate(grouped.items(), 1)
    )
    return CoursePack(title=title, description=f"Imported from {source}.", modules=modules)


def _groups(questions: list[Question], title: str) -> dict[str, dict[str, list[Question]]]:
    """Module name → lesson name → questions, in the order the bank first names each."""
    grouped: dict[str, dict[str, list[Question]]] = {}
    for question in questions:
        module = question.category[0] if question.category else title
        lesson = " / ".join(question.category[1:]) or module
        grouped.setdefault(module, {}).setdefault(lesson, []).append(question)
    return grouped


def _module(
    slugs: SlugSet, name: str, lessons: dict[str, list[Question]], order: int, source: str
) -> ModuleSpec:
    lesson_slugs = SlugSet()
    return ModuleSpec(
        slug=slugs.claim(slugify(name, f"module-{order}")),
        title=name[:MAX_TITLE],
        description=None,
        order=order,
        lessons=tuple(
            _lesson(lesson_slugs, lesson, questions, position, source)
            for position, (lesson, questions) in enumerate(lessons.items(), 1)
        ),
    )


def _lesson(
    slugs: SlugSet, name: str, questions: list[Question], order: int, source: str
) -> LessonSpec:
    return LessonSpec(
        slug=slugs.claim(slugify(name, f"lesson-{order}")),
        title=name[:MAX_TITLE],
        content=f"# {name}\n\n{_count(questions)} imported from `{source}`.",
        order=order,
        challenges=tuple(_challenges(questions)),
    )


def _count(questions: list[Question]) -> str:
    return "1 question" if len(questions) == 1 else f"{len(questions)} questions"


def _challenges(questions: Iterable[Question]) -> Iterable[ChallengeSpec]:
    slugs = SlugSet()
    for number, question in enumerate(questions, 1):
        name = question.title or " ".join(question.prompt.split()[:6])
        yield ChallengeSpec(
            slug=slugs.claim(slugify(name, f"question-{number}")),
            kind=question.kind,
            prompt=question.prompt,
            options=question.options,
            answers=question.answers,
            explanation=question.explanation,
            points=question.points,
        )
