"""Typed review: a text card waits for the learner's next message, which is its answer
once; the answer ends the wait, and a wait whose card moved on changes nothing."""

from datetime import timedelta

import pytest

from domain.enums import ActivityType
from domain.errors import StaleAnswer
from domain.learners import Learner
from domain.review import Rating, ReviewRules, ReviewWait
from domain.services import ProgressService, ReviewService, ReviewStep
from tests.support.use_cases import committed

from .course import PICK_MANY, PICK_ONE, RIGHT, TYPE_IT, VARIABLES
from .fakes import FakeClock, FakeScheduler, FakeUnitOfWork, logged


async def text_card_due(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> tuple[ReviewService, FakeScheduler, ReviewStep]:
    """TYPE_IT answered right in its lesson, two days ago: its card's review 1 is due."""
    scheduler = FakeScheduler()
    rules = ReviewRules(fast=timedelta(seconds=8), points=2)
    progress = committed(
        ProgressService(uow, clock, "UTC", scheduler=scheduler, review_rules=rules)
    )
    await progress.start_lesson(learner, VARIABLES)
    for challenge in (PICK_ONE, PICK_MANY, TYPE_IT):
        await progress.answer(learner, challenge, RIGHT[challenge], attempt=1)
    clock.advance(days=2)
    challenge = await uow.catalogue.published_challenge(TYPE_IT)
    assert challenge is not None
    return (
        committed(ReviewService(uow, clock, "UTC", scheduler, rules)),
        scheduler,
        ReviewStep(challenge, 1, 3),
    )


async def test_a_text_card_is_asked_and_its_wait_stored(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    review, _, step = await text_card_due(uow, clock, learner)

    await review.wait_for_typed(learner, step)

    assert uow.saved.review_waits == {learner.id: ReviewWait(learner.id, TYPE_IT, 1, clock.now())}
    assert await review.due_count(learner) == 3


async def test_the_typed_answer_is_rated_good_counted_and_ends_the_wait(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    review, scheduler, step = await text_card_due(uow, clock, learner)
    await review.wait_for_typed(learner, step)

    outcome = await review.answer_typed(learner, " PRINT ")

    assert outcome is not None
    assert (outcome.is_correct, outcome.replayed) == (True, False)
    assert scheduler.ratings()[-1] is Rating.GOOD
    assert uow.saved.cards[learner.id, TYPE_IT].reps == 2
    assert uow.saved.review_waits == {}
    (entry,) = logged(uow.saved, learner.id, ActivityType.REVIEW_ANSWERED)
    assert entry.details == {"review": 1, "rating": "GOOD", "correct": True, "points": 2}
    assert await review.answer_typed(learner, "print") is None
    assert len(logged(uow.saved, learner.id, ActivityType.REVIEW_ANSWERED)) == 1


async def test_a_wrong_typed_answer_is_again_and_earns_nothing(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    review, scheduler, step = await text_card_due(uow, clock, learner)
    await review.wait_for_typed(learner, step)

    outcome = await review.answer_typed(learner, "echo")

    assert outcome is not None
    assert not outcome.is_correct
    assert scheduler.ratings()[-1] is Rating.AGAIN
    (entry,) = logged(uow.saved, learner.id, ActivityType.REVIEW_ANSWERED)
    assert entry.details["points"] == 0
    assert uow.saved.review_waits == {}


async def test_without_a_wait_a_typed_message_is_no_review(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    review, scheduler, _ = await text_card_due(uow, clock, learner)
    saved = uow.saved.snapshot()

    assert await review.answer_typed(learner, "print") is None
    assert uow.saved == saved
    assert len(scheduler.calls) == 3


async def test_a_wait_whose_card_was_reviewed_elsewhere_is_stale(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    review, scheduler, step = await text_card_due(uow, clock, learner)
    await review.wait_for_typed(learner, step)
    await review.answer(learner, TYPE_IT, RIGHT[TYPE_IT], 1)
    await review.wait_for_typed(learner, step)
    saved = uow.saved.snapshot()

    with pytest.raises(StaleAnswer):
        await review.answer_typed(learner, "print")

    assert uow.saved == saved
    assert len(scheduler.calls) == 4


async def test_a_wait_whose_card_is_no_longer_due_is_stale(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    review, _, step = await text_card_due(uow, clock, learner)
    await review.wait_for_typed(learner, step)
    clock.advance(days=-2)
    saved = uow.saved.snapshot()

    with pytest.raises(StaleAnswer):
        await review.answer_typed(learner, "print")

    assert uow.saved == saved
