"""The whole catalogue in memory, per content version: modules, lessons, challenges and
achievement definitions are read by every update and change only when a pack is published.

One ``CatalogueCache`` lives as long as the process (built by the composition root) and is
shared by its units of work; each answers from the snapshot of the version it saw.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.achievements import Achievement
from domain.catalogue import Challenge, Lesson, Module, ModuleOutline
from domain.content import NO_SETTINGS, CourseSettings
from infrastructure.db.models import AchievementRow, ChallengeRow, LessonRow, ModuleRow
from infrastructure.db.repositories.achievement_rows import to_achievement
from infrastructure.db.repositories.catalogue_rows import to_challenge, to_lesson, to_module
from infrastructure.db.repositories.course_settings import read_settings


@dataclass(frozen=True, slots=True)
class CatalogueSnapshot:
    """Every row, published or not, in display order; readers apply the publication rules."""

    modules: dict[int, Module]
    lessons: dict[int, Lesson]
    challenges: dict[int, list[Challenge]]
    achievements: list[Achievement]
    challenge_ids: dict[int, Challenge] = field(default_factory=dict)
    outline: list[ModuleOutline] = field(default_factory=list)
    award_points: dict[int, int] = field(default_factory=dict)
    """Each achievement's points, by id."""
    settings: CourseSettings = NO_SETTINGS

    def __post_init__(self) -> None:
        for challenges in self.challenges.values():
            self.challenge_ids.update((challenge.id, challenge) for challenge in challenges)
        self.outline.extend(_outline(self.modules, self.lessons))
        self.award_points.update((award.id, award.points) for award in self.achievements)


def _outline(modules: dict[int, Module], lessons: dict[int, Lesson]) -> list[ModuleOutline]:
    """Published modules with their published lessons, texts left out as menus need none."""
    shown = [replace(lesson, content=None) for lesson in lessons.values() if lesson.is_published]
    return [
        ModuleOutline(module, tuple(lesson for lesson in shown if lesson.module_id == module.id))
        for module in modules.values()
        if module.is_published
    ]


async def load_snapshot(session: AsyncSession) -> CatalogueSnapshot:
    """Five queries, whatever the size of the course."""
    modules = await session.scalars(sa.select(ModuleRow).order_by(ModuleRow.order, ModuleRow.id))
    lessons = await session.scalars(sa.select(LessonRow).order_by(LessonRow.order, LessonRow.id))
    challenges = await session.scalars(
        sa.select(ChallengeRow).order_by(ChallengeRow.order, ChallengeRow.id)
    )
    by_lesson: dict[int, list[Challenge]] = defaultdict(list)
    for row in challenges:
        by_lesson[row.lesson_id].append(to_challenge(row))
    achievements = await session.scalars(sa.select(AchievementRow).order_by(AchievementRow.id))
    return CatalogueSnapshot(
        {row.id: to_module(row) for row in modules},
        {row.id: to_lesson(row) for row in lessons},
        dict(by_lesson),
        [to_achievement(row) for row in achievements],
        settings=await read_settings(session),
    )


class CatalogueCache:
    """Process scope. A stale snapshot is replaced on the first use after a new version."""

    def __init__(self) -> None:
        self._version: int | None = None
        self._snapshot: CatalogueSnapshot | None = None

    async def snapshot(
        self, session: Callable[[], AsyncSession], version: int
    ) -> CatalogueSnapshot:
        """``session`` is asked for only if the snapshot must be read: a unit of work's
        transaction makes its session on first use (``transaction``)."""
        if self._snapshot is None or self._version != version:
            snapshot = await load_snapshot(session())
            self._version, self._snapshot = version, snapshot
            return snapshot
        return self._snapshot

    def latest(self) -> tuple[int, CatalogueSnapshot] | None:
        """The snapshot held and its version, without a read; None before the first."""
        if self._snapshot is None or self._version is None:
            return None
        return self._version, self._snapshot
