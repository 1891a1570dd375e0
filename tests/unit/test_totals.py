"""A learner's totals from their facts: points, counts and completed modules."""

from domain.catalogue import Lesson, Module, ModuleOutline
from domain.totals import completed_modules, learner_totals, points

AWARDS = {1: 5, 2: 20, 3: 0}


def module(number: int, *lessons: int) -> ModuleOutline:
    shown = tuple(
        Lesson(lesson, number, f"l{lesson}", f"L{lesson}", None, lesson) for lesson in lessons
    )
    return ModuleOutline(Module(number, f"m{number}", f"M{number}", None, number), shown)


OUTLINE = [module(1, 10, 11), module(2, 20), module(3)]
"""Published modules and lessons only: module 3 has no published lesson."""


def test_points_are_lesson_scores_plus_award_points() -> None:
    assert points([10, None, 7], [1, 2], AWARDS) == 10 + 0 + 7 + 5 + 20


def test_an_award_no_longer_defined_counts_nothing() -> None:
    assert points([], [1, 99], AWARDS) == 5


def test_a_module_is_completed_with_every_published_lesson_only() -> None:
    assert completed_modules(OUTLINE, {10}) == frozenset()
    assert completed_modules(OUTLINE, {10, 11}) == {"m1"}
    assert completed_modules(OUTLINE, {10, 11, 20, 99}) == {"m1", "m2"}


def test_a_module_without_published_lessons_is_never_completed() -> None:
    assert "m3" not in completed_modules(OUTLINE, set())


def test_totals_count_lessons_awards_and_modules() -> None:
    totals = learner_totals({10: 8, 11: None, 20: 4}, {1, 3}, 6, OUTLINE, AWARDS)

    assert totals.lessons_completed == 3
    assert totals.challenges_solved == 6
    assert totals.lesson_score == 12
    assert totals.achievement_points == 5
    assert totals.total_score == 17
    assert totals.completed_modules == {"m1", "m2"}
