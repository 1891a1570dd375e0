"""Publishing a course pack: compare it with what is live, then write only the difference.

Removed modules and lessons are unpublished, never deleted, so learners keep their
progress; a removed challenge that learners answered stops the publish. Everything runs in
the caller's single transaction, which the caller commits once the whole pack is written.
"""

from collections.abc import Callable
from dataclasses import replace

from domain.content import AchievementSpec, ContentDiff, CoursePack, LessonSpec, ModuleSpec
from domain.errors import ContentConflict
from domain.ports import Clock, ContentPorts
from domain.ports.content import ChallengePath

Progress = Callable[[int], None]
"""Told how many more lessons have been handled, for progress bars."""


class PublishingService:
    def __init__(self, uow: ContentPorts, clock: Clock) -> None:
        self._uow = uow
        self._store = uow.content
        self._clock = clock

    async def publish(
        self, pack: CoursePack, *, dry_run: bool = False, progress: Progress | None = None
    ) -> ContentDiff:
        """The diff between the pack and the database, applied unless ``dry_run``."""
        current = await self._store.current()
        _refuse_lost_answers(current, pack, await self._store.answered_challenges())
        diff = ContentDiff()
        writes = _Writes(self, dry_run, diff)
        for module in pack.modules:
            await writes.module(module, current.module(module.slug))
            if progress is not None:
                progress(len(module.lessons))
        await writes.removals(current, pack)
        await writes.achievements(current, pack)
        await writes.settings(current, pack)
        await writes.league_tiers(current, pack)
        return diff


class _Writes:
    """One publish run: records every difference and writes it unless it is a dry run."""

    def __init__(self, service: PublishingService, dry_run: bool, diff: ContentDiff) -> None:
        self._store = service._store
        self._now = service._clock.now()
        self._dry_run = dry_run
        self._diff = diff

    async def module(self, module: ModuleSpec, old: ModuleSpec | None) -> None:
        if old is None or old.header() != module.header():
            self._note(old is None, f"module {module.slug}")
            if not self._dry_run:
                await self._store.save_module(module.header(), self._now)
        for lesson in module.lessons:
            await self.lesson(module.slug, lesson, None if old is None else old.lesson(lesson.slug))

    async def lesson(self, module_slug: str, lesson: LessonSpec, old: LessonSpec | None) -> None:
        if old == lesson:
            return
        self._note(old is None, f"lesson {module_slug}/{lesson.slug}")
        if not self._dry_run:
            await self._store.save_lesson(module_slug, lesson, self._now)

    async def removals(self, current: CoursePack, pack: CoursePack) -> None:
        for old in current.modules:
            new = pack.module(old.slug)
            if new is None and old.published:
                self._diff.unpublished.append(f"module {old.slug}")
                if not self._dry_run:
                    await self._store.unpublish_module(old.slug, self._now)
            kept = () if new is None else new.lessons
            for lesson in old.lessons:
                if lesson.published and all(item.slug != lesson.slug for item in kept):
                    await self._unpublish_lesson(old.slug, lesson.slug)

    async def _unpublish_lesson(self, module_slug: str, slug: str) -> None:
        self._diff.unpublished.append(f"lesson {module_slug}/{slug}")
        if not self._dry_run:
            await self._store.unpublish_lesson(module_slug, slug, self._now)

    async def achievements(self, current: CoursePack, pack: CoursePack) -> None:
        for achievement in pack.achievements:
            old = current.achievement(achievement.slug)
            if old != achievement:
                self._note(old is None, f"achievement {achievement.slug}")
                if not self._dry_run:
                    await self._store.save_achievement(achievement, self._now)
        for old in current.achievements:
            if pack.achievement(old.slug) is None and old.criteria is not None:
                self._diff.unpublished.append(f"achievement {old.slug}")
                if not self._dry_run:
                    await self._store.save_achievement(_retired(old), self._now)

    async def settings(self, current: CoursePack, pack: CoursePack) -> None:
        if current.settings != pack.settings:
            self._diff.changed.append("course settings")
            if not self._dry_run:
                await self._store.save_settings(pack.settings, self._now)

    async def league_tiers(self, current: CoursePack, pack: CoursePack) -> None:
        """The pack names the tiers, or no longer does: the bot's names then return."""
        if current.league_tiers != pack.league_tiers:
            self._note(not current.league_tiers, "league tiers")
            if not self._dry_run:
                await self._store.save_league_tiers(pack.league_tiers)

    def _note(self, added: bool, path: str) -> None:
        (self._diff.added if added else self._diff.changed).append(path)


def _retired(achievement: AchievementSpec) -> AchievementSpec:
    """Learners keep a retired achievement; without criteria nobody new earns it."""
    return replace(achievement, criteria=None)


def _refuse_lost_answers(
    current: CoursePack, pack: CoursePack, answered: set[ChallengePath]
) -> None:
    """A lesson that stays in the pack keeps every challenge that learners have answered."""
    lost = []
    for module_slug, lesson_slug, challenge_slug in sorted(answered):
        module = pack.module(module_slug)
        lesson = None if module is None else module.lesson(lesson_slug)
        if lesson is not None and all(item.slug != challenge_slug for item in lesson.challenges):
            lost.append(f"{module_slug}/{lesson_slug}/{challenge_slug}")
    if lost:
        raise ContentConflict(
            "learners have answered challenges the pack removes (keep them, or unpublish "
            "the lesson instead): " + ", ".join(lost)
        )
