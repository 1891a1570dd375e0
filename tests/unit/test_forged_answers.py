"""Only a challenge the learner was shown counts: a forged button changes nothing."""

import pytest

from domain.catalogue import Submission
from domain.errors import StaleAnswer
from domain.learners import Learner
from domain.progress import AnswerRecord, shown_ids
from domain.services import LearnerService, ProgressService
from tests.support.use_cases import committed

from .conftest import START
from .course import (
    CHALLENGES,
    FOR_LOOPS,
    LOOP_QUIZ,
    PICK_MANY,
    PICK_ONE,
    RIGHT,
    TYPE_IT,
    VARIABLES,
    WRONG,
)
from .fakes import FakeClock, FakeUnitOfWork

VARIABLES_QUIZ = sorted(
    (challenge for challenge in CHALLENGES if challenge.lesson_id == VARIABLES),
    key=lambda challenge: challenge.order,
)


async def refused(
    service: ProgressService, uow: FakeUnitOfWork, learner: Learner, challenge_id: int
) -> None:
    before = uow.saved.snapshot()
    with pytest.raises(StaleAnswer):
        async with uow:
            await service.answer(learner, challenge_id, RIGHT[challenge_id], attempt=1)
    assert uow.working == uow.saved == before


async def test_an_answer_in_a_lesson_never_opened_starts_nothing_and_counts_nothing(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await refused(progress_service, uow, learner, LOOP_QUIZ)

    assert uow.saved.progress == {}
    assert uow.saved.answers == {}
    assert uow.saved.activities == []


async def test_an_answer_to_a_challenge_the_take_never_put_counts_nothing(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await progress_service.start_lesson(learner, VARIABLES)

    for skipped in (PICK_MANY, TYPE_IT):
        await refused(progress_service, uow, learner, skipped)


async def test_next_question_after_a_wrong_answer_counts_and_the_one_after_it_does_not(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await progress_service.start_lesson(learner, VARIABLES)
    wrong = await progress_service.answer(learner, PICK_ONE, WRONG[PICK_ONE], attempt=1)
    assert wrong.next_challenge is not None
    assert wrong.next_challenge.id == PICK_MANY

    await refused(progress_service, uow, learner, TYPE_IT)
    solved = await progress_service.answer(learner, PICK_MANY, RIGHT[PICK_MANY], attempt=1)

    assert solved.is_correct
    assert not solved.replayed


async def test_the_text_challenge_a_learner_waits_on_counts(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner, progress_service: ProgressService
) -> None:
    await progress_service.start_lesson(learner, VARIABLES)
    await committed(LearnerService(uow, clock)).await_answer(learner, TYPE_IT)
    waiting = uow.saved.learners[learner.id]

    outcome = await progress_service.answer(waiting, TYPE_IT, RIGHT[TYPE_IT])

    assert outcome.is_correct
    assert not outcome.replayed


async def test_opening_a_challenge_the_take_never_put_is_refused(
    progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await progress_service.start_lesson(learner, FOR_LOOPS)
    await progress_service.start_lesson(learner, VARIABLES)
    before = uow.saved.snapshot()

    with pytest.raises(StaleAnswer):
        async with uow:
            await progress_service.open_challenge(learner, VARIABLES, TYPE_IT)

    assert uow.working == uow.saved == before
    step = await progress_service.open_challenge(learner, VARIABLES, PICK_ONE)
    assert step is not None
    assert step.challenge.id == PICK_ONE


def test_shown_is_the_answered_the_first_unsolved_and_the_next_after_each_answered() -> None:
    first, second, third = (challenge.id for challenge in VARIABLES_QUIZ)

    assert shown_ids(VARIABLES_QUIZ, []) == {first}
    assert shown_ids(VARIABLES_QUIZ, [answer(third, correct=False)]) == {first, third}
    assert shown_ids(VARIABLES_QUIZ, [answer(first, correct=True)]) == {first, second}
    solved = [answer(first, correct=True), answer(second, correct=True)]
    assert shown_ids(VARIABLES_QUIZ, solved) == {first, second, third}
    everything = [*solved, answer(third, correct=True)]
    assert shown_ids(VARIABLES_QUIZ, everything) == {first, second, third}


def answer(challenge_id: int, correct: bool) -> AnswerRecord:
    return AnswerRecord(1, challenge_id, 1, 1, correct, Submission(), START)
