"""A redelivered answer is harmless: it returns what was recorded and counts nothing."""

import pytest

from domain.catalogue import Submission
from domain.enums import ActivityType
from domain.errors import InvalidSubmission, NothingChosen, StaleAnswer
from domain.learners import Learner
from domain.services import ProgressService

from .course import PICK_MANY, PICK_ONE, RIGHT, TYPE_IT, VARIABLES, WRONG
from .fakes import FakeUnitOfWork, logged


async def test_the_same_attempt_delivered_twice_counts_once(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await progress_service.start_lesson(learner, VARIABLES)
    first = await progress_service.answer(learner, PICK_ONE, WRONG[PICK_ONE], attempt=1)
    again = await progress_service.answer(learner, PICK_ONE, RIGHT[PICK_ONE], attempt=1)

    assert (first.replayed, first.is_correct, first.attempt) == (False, False, 1)
    assert (again.replayed, again.is_correct, again.attempt) == (True, False, 1)
    assert again.progress.attempts == 1
    assert uow.saved.progress[learner.id, VARIABLES].attempts == 1
    assert len(uow.answers.of(learner.id, PICK_ONE)) == 1
    assert len(logged(uow.saved, learner.id, ActivityType.CHALLENGE_ATTEMPTED)) == 1


async def test_the_next_attempt_counts(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await progress_service.start_lesson(learner, VARIABLES)
    await progress_service.answer(learner, PICK_ONE, WRONG[PICK_ONE], attempt=1)
    second = await progress_service.answer(learner, PICK_ONE, RIGHT[PICK_ONE], attempt=2)

    assert (second.replayed, second.is_correct, second.attempt) == (False, True, 2)
    assert uow.saved.progress[learner.id, VARIABLES].attempts == 2


@pytest.mark.parametrize("attempt", [0, 2, 3])
async def test_an_attempt_out_of_sequence_is_stale(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner, attempt: int
) -> None:
    await progress_service.start_lesson(learner, VARIABLES)
    with pytest.raises(StaleAnswer):
        async with uow:
            await progress_service.answer(learner, PICK_ONE, RIGHT[PICK_ONE], attempt=attempt)

    assert uow.working == uow.saved
    assert uow.saved.progress[learner.id, VARIABLES].attempts == 0
    assert uow.saved.answers == {}


async def test_answering_a_solved_challenge_replays_the_solution(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await progress_service.start_lesson(learner, VARIABLES)
    await progress_service.answer(learner, PICK_ONE, WRONG[PICK_ONE])
    await progress_service.answer(learner, PICK_ONE, RIGHT[PICK_ONE])
    before = uow.saved.snapshot()

    unnumbered = await progress_service.answer(learner, PICK_ONE, WRONG[PICK_ONE])
    numbered = await progress_service.answer(learner, PICK_ONE, WRONG[PICK_ONE], attempt=3)

    for outcome in (unnumbered, numbered):
        assert (outcome.replayed, outcome.is_correct, outcome.attempt) == (True, True, 2)
    assert uow.working == uow.saved == before


INVALID = [
    (PICK_ONE, Submission(selected=frozenset({3}))),
    (PICK_ONE, Submission(selected=frozenset({0, 1}))),
    (PICK_ONE, Submission(selected=frozenset())),
    (PICK_ONE, Submission(text="x = 1")),
    (PICK_MANY, Submission(selected=frozenset({0, 4}))),
    (PICK_MANY, Submission(selected=frozenset())),
    (TYPE_IT, Submission(selected=frozenset({0}))),
]


@pytest.mark.parametrize("started", [True, False], ids=["started", "first-visit"])
@pytest.mark.parametrize(("challenge_id", "submission"), INVALID)
async def test_an_invalid_submission_changes_nothing(
    progress_service: ProgressService,
    uow: FakeUnitOfWork,
    learner: Learner,
    challenge_id: int,
    submission: Submission,
    started: bool,
) -> None:
    """On a first visit (the lesson never opened) the answer is refused before it is read."""
    if started:
        await progress_service.start_lesson(learner, VARIABLES)
    before = uow.saved.snapshot()

    with pytest.raises(InvalidSubmission if started else StaleAnswer):
        async with uow:
            await progress_service.answer(learner, challenge_id, submission, attempt=1)

    assert uow.working == uow.saved == before


async def test_checking_a_multiple_choice_with_nothing_chosen_is_refused_as_such(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    """The learner is told to choose an option, not that the answer does not fit."""
    await progress_service.start_lesson(learner, VARIABLES)
    with pytest.raises(NothingChosen):
        await progress_service.answer(learner, PICK_MANY, Submission(), attempt=1)

    assert not uow.saved.answers


async def test_typed_answers_ignore_case_and_spacing(
    progress_service: ProgressService, learner: Learner
) -> None:
    await progress_service.start_lesson(learner, VARIABLES)
    for earlier in (PICK_ONE, PICK_MANY):
        await progress_service.answer(learner, earlier, RIGHT[earlier])
    outcome = await progress_service.answer(learner, TYPE_IT, Submission(text=" PRINT()\n"))

    assert outcome.is_correct
