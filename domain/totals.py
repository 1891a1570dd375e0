"""How a learner's points and counts follow from what they have done.

The adapters read plain facts (the scores of the lessons a learner completed, the
achievements they earned, how many challenges they solved) and these rules count them,
so a change of rule has one place to go. The leaderboard refresh keeps its set-based SQL
for speed; tests/integration/test_board_refresh.py checks it against these rules on
random data on every backend.
"""

from collections.abc import Iterable, Mapping, Set

from domain.achievements import LearnerTotals
from domain.catalogue import ModuleOutline


def points(
    lesson_scores: Iterable[int | None], earned: Iterable[int], award_points: Mapping[int, int]
) -> int:
    """Scores of completed lessons (a lesson without one counts 0) plus the points of the
    achievements earned; ``award_points`` maps each achievement id to its points (one it
    does not know, no longer defined, counts 0)."""
    return sum(score or 0 for score in lesson_scores) + sum(
        award_points.get(achievement, 0) for achievement in earned
    )


def completed_modules(outline: Iterable[ModuleOutline], completed: Set[int]) -> frozenset[str]:
    """Published modules with published lessons, every one of them completed.

    ``outline`` is the published catalogue (unpublished modules and lessons left out),
    ``completed`` the ids of the lessons the learner completed.
    """
    return frozenset(
        entry.module.slug
        for entry in outline
        if entry.lessons and all(lesson.id in completed for lesson in entry.lessons)
    )


def learner_totals(
    lesson_scores: Mapping[int, int | None],
    earned: Set[int],
    solved: int,
    outline: Iterable[ModuleOutline],
    award_points: Mapping[int, int],
) -> LearnerTotals:
    """The totals achievements and the board look at, from the learner's completed lessons
    (id to score), earned achievement ids and count of challenges solved."""
    return LearnerTotals(
        lessons_completed=len(lesson_scores),
        challenges_solved=solved,
        lesson_score=points(lesson_scores.values(), (), award_points),
        achievement_points=points((), earned, award_points),
        completed_modules=completed_modules(outline, lesson_scores.keys()),
    )
