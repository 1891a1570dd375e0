"""Where a learner stands in the course: per-lesson status, per-module bars, where to resume."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from domain.achievements import LearnerTotals
from domain.catalogue import Lesson, Module, ModuleOutline
from domain.enums import ProgressStatus
from domain.freezes import NO_FREEZES, Freezes
from domain.goals import DailyProgress
from domain.levels import Level
from domain.progress import Progress
from domain.streaks import Streak


@dataclass(frozen=True, slots=True)
class LessonStanding:
    lesson: Lesson
    status: ProgressStatus
    score: int | None = None


@dataclass(frozen=True, slots=True)
class ModuleStanding:
    module: Module
    lessons: Sequence[LessonStanding]

    @property
    def completed(self) -> int:
        return sum(1 for item in self.lessons if item.status is ProgressStatus.COMPLETED)

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def is_completed(self) -> bool:
        return self.total > 0 and self.completed == self.total


@dataclass(frozen=True, slots=True)
class Report:
    """Everything /progress shows: bars per module, totals, the level, the streak,
    today's points against the daily goal and the streak freezes."""

    modules: Sequence[ModuleStanding]
    totals: LearnerTotals
    streak: Streak
    level: Level
    today: DailyProgress
    freezes: Freezes = NO_FREEZES


def standings(
    outline: Iterable[ModuleOutline], progress: Iterable[Progress]
) -> list[ModuleStanding]:
    """Join the published outline with the learner's progress rows, in course order."""
    by_lesson: Mapping[int, Progress] = {row.lesson_id: row for row in progress}
    return [
        ModuleStanding(
            entry.module, tuple(_standing(lesson, by_lesson) for lesson in entry.lessons)
        )
        for entry in outline
    ]


def _standing(lesson: Lesson, by_lesson: Mapping[int, Progress]) -> LessonStanding:
    row = by_lesson.get(lesson.id)
    if row is None:
        return LessonStanding(lesson, ProgressStatus.NOT_STARTED)
    return LessonStanding(lesson, row.status, row.score)


def resume_point(modules: Sequence[ModuleStanding]) -> Lesson | None:
    """The first lesson in progress, else the first not started; None when all are done."""
    lessons = [item for module in modules for item in module.lessons]
    for wanted in (ProgressStatus.IN_PROGRESS, ProgressStatus.NOT_STARTED):
        found = next((item.lesson for item in lessons if item.status is wanted), None)
        if found is not None:
            return found
    return None
