"""A pack's level names and streak freeze rules, published on every backend: stored once,
changed only when the pack changes them, and used by the answer, /progress and reminders."""

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from domain.catalogue import Submission
from domain.content import ContentDiff, CoursePack, CourseSettings
from domain.freezes import Freezes
from domain.learners import TelegramProfile
from domain.levels import LevelCurve
from domain.services import JourneyService, LearnerService, ProgressService
from learnbot.content import publish, read_pack
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock
from tests.support.packs import COURSE, write_pack
from tests.support.use_cases import committed

SETTINGS = CourseSettings(((1, "Newcomer"), (2, "Apprentice")), 2, 1)
CURVE = LevelCurve(base=10)


async def published(uow_factory: UowFactory, clock: FixedClock, pack: CoursePack) -> ContentDiff:
    async with uow_factory() as uow:
        return await publish(uow, clock, pack, False)


def tiny(tmp_path: Path) -> CoursePack:
    extra = "level_names:\n  1: Newcomer\n  2: Apprentice\nstreak_freeze:\n  every: 2\n  max: 1\n"
    return read_pack(write_pack(tmp_path, {"course.yaml": COURSE + extra}))


async def test_settings_are_published_once_and_changed_by_the_pack(
    uow_factory: UowFactory, clock: FixedClock, tmp_path: Path
) -> None:
    pack = tiny(tmp_path)
    first = await published(uow_factory, clock, pack)
    again = await published(uow_factory, clock, pack)
    renamed = replace(pack, settings=replace(SETTINGS, level_names=((2, "Adept"),)))
    changed = await published(uow_factory, clock, renamed)
    async with uow_factory() as uow:
        stored = await uow.content.current()
        cached = await uow.catalogue.course_settings()

    assert pack.settings == SETTINGS
    assert "course settings" in first.changed
    assert not again
    assert changed.changed == ["course settings"]
    assert stored.settings == cached == renamed.settings


async def test_the_packs_names_and_freeze_rules_reach_the_learner(
    uow_factory: UowFactory, clock: FixedClock, tmp_path: Path
) -> None:
    """The pack earns a freeze every two days, capped at one, over the settings' 7 and 2."""
    pack = tiny(tmp_path)
    await published(uow_factory, clock, pack)
    async with uow_factory() as uow:
        learner = await committed(LearnerService(uow, clock)).register(TelegramProfile(5, "ada"))
        await uow.calendar.mark(learner.id, clock.now().date() - timedelta(days=1))
        await uow.commit()
        (module,) = [m for m in await uow.catalogue.published_modules() if m.slug == "basics"]
        (intro, *_) = await uow.catalogue.published_lessons(module.id)
        (pick, *_) = await uow.catalogue.challenges(intro.id)
    async with uow_factory() as uow:
        progress = committed(ProgressService(uow, clock, "UTC", CURVE))
        await progress.start_lesson(learner, intro.id)
        outcome = await progress.answer(learner, pick.id, Submission(frozenset({1})), 1)
    async with uow_factory() as uow:
        report = await committed(JourneyService(uow, clock, "UTC", CURVE)).report(learner)

    assert outcome.freeze_earned == Freezes(1, 1)
    assert report.freezes == Freezes(1, 1)
    assert (report.level.number, report.level.name) == (1, "Newcomer")
