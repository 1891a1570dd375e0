"""Course settings from the pack: level names on the curve, freeze rules over the settings."""

from domain.content import CourseSettings
from domain.freezes import FreezeRules, Freezes
from domain.levels import DEFAULT_CURVE
from domain.services import JourneyService, ProgressService
from tests.support.use_cases import committed

from .conftest import MakeLearner
from .course import ACHIEVEMENTS, PICK_MANY, PICK_ONE, RIGHT, TYPE_IT, VARIABLES
from .fakes import FakeClock, FakeUnitOfWork

NAMED = CourseSettings(
    ((1, "Newcomer"), (2, "Apprentice")), freeze_max=5, freeze_rewards=(ACHIEVEMENTS[0].slug,)
)


def test_a_named_curve_names_the_levels_it_names_and_no_others() -> None:
    curve = NAMED.levels(DEFAULT_CURVE)

    assert curve.level_of(0).name == "Newcomer"
    assert curve.level_of(30).name == "Apprentice"
    assert curve.level_of(69).name is None
    assert DEFAULT_CURVE.level_of(30).name is None
    assert curve.thresholds() == DEFAULT_CURVE.thresholds()


def test_the_pack_overrides_only_the_rules_it_sets() -> None:
    assert NAMED.freezes(FreezeRules(7, 2)) == FreezeRules(7, 5, frozenset({"lesson_completed-1"}))
    assert CourseSettings().freezes(FreezeRules(7, 2)) == FreezeRules(7, 2)
    assert CourseSettings(freeze_every=0).freezes(FreezeRules(7, 2)) == FreezeRules(0, 2)


def test_settings_survive_their_json() -> None:
    assert CourseSettings.from_json(NAMED.to_json()) == NAMED
    assert CourseSettings.from_json(None) == CourseSettings()


async def test_the_packs_level_name_and_achievement_freeze_are_announced(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    uow.catalogue.settings = NAMED
    learner = await make_learner()
    progress = committed(ProgressService(uow, clock, "UTC"))
    await progress.start_lesson(learner, VARIABLES)
    for challenge in (PICK_ONE, PICK_MANY):
        await progress.answer(learner, challenge, RIGHT[challenge])
    last = await progress.answer(learner, TYPE_IT, RIGHT[TYPE_IT])
    report = await committed(JourneyService(uow, clock, "UTC")).report(learner)

    assert (last.level_reached, last.level_name) == (2, "Apprentice")
    assert report.level.name == "Apprentice"
    assert last.freeze_earned == report.freezes == Freezes(1, 5)
