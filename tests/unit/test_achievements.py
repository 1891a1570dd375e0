"""Achievements: every criterion type is awarded once, as soon as it is met."""

from collections.abc import Sequence

import pytest

from domain.achievements import Achievement
from domain.enums import AchievementType, ActivityType
from domain.learners import Learner
from domain.services import AchievementService, ProgressService

from .course import (
    ACHIEVEMENTS,
    BASICS_DONE,
    FIFTY,
    FOR_LOOPS,
    LOOP_QUIZ,
    PICK_MANY,
    PICK_ONE,
    READING,
    RIGHT,
    TYPE_IT,
    VARIABLES,
    achievement,
)
from .fakes import FakeClock, FakeUnitOfWork, assert_logged_once, logged


async def study_two_days(
    service: ProgressService, clock: FakeClock, learner: Learner
) -> list[list[int]]:
    """Six steps over three days; returns the ids of what each step awarded."""
    await service.start_lesson(learner, VARIABLES)
    outcomes = [
        await service.answer(learner, PICK_ONE, RIGHT[PICK_ONE]),
        await service.answer(learner, PICK_MANY, RIGHT[PICK_MANY]),
        await service.answer(learner, TYPE_IT, RIGHT[TYPE_IT]),
        await service.finish_reading(learner, READING),
    ]
    clock.advance(days=1)
    await service.start_lesson(learner, FOR_LOOPS)
    outcomes.append(await service.answer(learner, LOOP_QUIZ, RIGHT[LOOP_QUIZ]))
    clock.advance(days=1)
    await service.retake_lesson(learner, FOR_LOOPS, from_take=1)
    outcomes.append(await service.answer(learner, LOOP_QUIZ, RIGHT[LOOP_QUIZ]))
    return [
        [item.id for item in outcome.new_achievements] if outcome else [] for outcome in outcomes
    ]


CASES = [
    (AchievementType.CHALLENGES_SOLVED, '{"challenges_solved": 2}', 1),
    (AchievementType.CHALLENGES_SOLVED, '{"challenges_solved": 3}', 2),
    (AchievementType.LESSON_COMPLETED, '{"lessons_completed": 1}', 2),
    (AchievementType.LESSON_COMPLETED, '{"lessons_completed": 2}', 3),
    (AchievementType.MODULE_COMPLETED, '{"module": "basics"}', 3),
    (AchievementType.MODULE_COMPLETED, '{"module": "loops"}', 4),
    (AchievementType.STREAK, '{"streak_days": 2}', 4),
    (AchievementType.STREAK, '{"streak_days": 3}', 5),
    (AchievementType.MILESTONE, '{"total_score": 26}', 4),
]


@pytest.mark.parametrize(
    ("definitions", "awarded_at"),
    [([achievement(7, kind, criteria, 3)], step) for kind, criteria, step in CASES],
    ids=[criteria for _, criteria, _ in CASES],
)
async def test_each_criterion_is_awarded_once_when_met(
    progress_service: ProgressService,
    uow: FakeUnitOfWork,
    clock: FakeClock,
    learner: Learner,
    definitions: Sequence[Achievement],
    awarded_at: int,
) -> None:
    awarded = await study_two_days(progress_service, clock, learner)

    assert awarded == [[7] if step == awarded_at else [] for step in range(6)]
    assert list(uow.saved.earned) == [(learner.id, 7)]
    earned = assert_logged_once(uow.saved, learner.id, ActivityType.ACHIEVEMENT_EARNED, 7)
    assert earned.details == {"title": definitions[0].title, "points": 3}
    assert (await uow.totals.totals(learner.id)).achievement_points == 3


async def test_a_milestone_reached_through_another_award_comes_in_the_same_evaluation(
    progress_service: ProgressService, uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    awarded = await study_two_days(progress_service, clock, learner)

    assert awarded[3] == [BASICS_DONE, FIFTY]
    earned = logged(uow.saved, learner.id, ActivityType.ACHIEVEMENT_EARNED)
    assert sorted(row.entity_id or 0 for row in earned) == [item.id for item in ACHIEVEMENTS]
    assert (await uow.totals.totals(learner.id)).total_score == 26 + 5 + 20 + 5 + 5 + 10


@pytest.mark.parametrize(
    "definitions", [[achievement(8, AchievementType.MILESTONE, "", 50)]], ids=["no criterion"]
)
async def test_an_achievement_without_criterion_is_never_awarded(
    progress_service: ProgressService,
    uow: FakeUnitOfWork,
    clock: FakeClock,
    learner: Learner,
    definitions: Sequence[Achievement],
) -> None:
    await study_two_days(progress_service, clock, learner)

    assert uow.saved.earned == {}
    assert (await uow.totals.totals(learner.id)).lessons_completed == 3
    assert uow.saved.progress[learner.id, VARIABLES].score == 22


HIDDEN_MODULE = achievement(9, AchievementType.MODULE_COMPLETED, '{"module": "hidden"}', 5)


@pytest.mark.parametrize("definitions", [[*ACHIEVEMENTS, HIDDEN_MODULE]], ids=["module criteria"])
async def test_the_showcase_knows_the_titles_of_the_modules_criteria_name(
    uow: FakeUnitOfWork, learner: Learner, definitions: Sequence[Achievement]
) -> None:
    """A learner knows a module by its title; an unpublished one has none to show."""
    showcase = await AchievementService(uow).showcase(learner.id)

    assert [(item.id, award) for item, award in showcase.items] == [
        (item.id, None) for item in definitions
    ]
    assert showcase.module_titles == {"basics": "Basics"}
    assert showcase.module_title("basics") == "Basics"
    assert showcase.module_title("hidden") == "hidden"
