"""Spaced review: ratings from outcomes, cards written with answers, due cards asked one
at a time, review answers counted once and never as lesson scores or achievements."""

from datetime import timedelta

import pytest

from domain.enums import ActivityType
from domain.errors import ContentUnavailable, StaleAnswer
from domain.learners import Learner
from domain.review import CardState, Memory, Rating, ReviewCard, ReviewRules, rating_for
from domain.services import ProgressService, ReviewService
from tests.support.use_cases import committed

from .conftest import START
from .course import PICK_MANY, PICK_ONE, RIGHT, TYPE_IT, VARIABLES, WRONG
from .fakes import FakeClock, FakeScheduler, FakeUnitOfWork, logged

FAST = timedelta(seconds=8)


@pytest.mark.parametrize(
    ("correct", "attempt", "elapsed", "rating"),
    [
        (False, 1, timedelta(seconds=1), Rating.AGAIN),
        (False, 3, None, Rating.AGAIN),
        (True, 2, timedelta(seconds=1), Rating.HARD),
        (True, 1, None, Rating.GOOD),
        (True, 1, timedelta(seconds=9), Rating.GOOD),
        (True, 1, timedelta(seconds=8), Rating.EASY),
        (True, 1, timedelta(seconds=-5), Rating.GOOD),
    ],
)
def test_the_rating_follows_from_the_outcome(
    correct: bool, attempt: int, elapsed: timedelta | None, rating: Rating
) -> None:
    assert rating_for(correct, attempt, elapsed, FAST) is rating


def test_a_lapse_is_forgetting_a_card_in_review() -> None:
    memory = Memory(CardState.RELEARNING, 0, 1.0, 6.0, START + timedelta(minutes=10))
    learning = ReviewCard.new(1, 2, START)
    known = ReviewCard(1, 2, START, CardState.REVIEW, None, 9.0, 5.0, START, 3, 0)

    assert learning.reviewed(memory, Rating.AGAIN, START).lapses == 0
    forgotten = known.reviewed(memory, Rating.AGAIN, START)
    assert (forgotten.reps, forgotten.lapses, forgotten.state) == (4, 1, CardState.RELEARNING)
    assert known.reviewed(memory, Rating.GOOD, START).lapses == 0


def services(
    uow: FakeUnitOfWork, clock: FakeClock, scheduler: FakeScheduler
) -> tuple[ProgressService, ReviewService]:
    rules = ReviewRules(fast=FAST, points=2)
    progress = committed(
        ProgressService(uow, clock, "UTC", scheduler=scheduler, review_rules=rules)
    )
    return progress, committed(ReviewService(uow, clock, "UTC", scheduler, rules))


async def test_every_lesson_answer_is_a_review_of_its_card(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    scheduler = FakeScheduler()
    progress, _ = services(uow, clock, scheduler)
    await progress.start_lesson(learner, VARIABLES)

    await progress.answer(learner, PICK_ONE, WRONG[PICK_ONE], attempt=1)
    await progress.answer(learner, PICK_ONE, RIGHT[PICK_ONE], attempt=2)
    shown = clock.now() - timedelta(seconds=3)
    await progress.answer(learner, PICK_MANY, RIGHT[PICK_MANY], attempt=1, shown_at=shown)
    await progress.answer(learner, TYPE_IT, RIGHT[TYPE_IT], attempt=1)

    assert scheduler.ratings() == [Rating.AGAIN, Rating.HARD, Rating.EASY, Rating.GOOD]
    cards = uow.saved.cards
    assert set(cards) == {(learner.id, PICK_ONE), (learner.id, PICK_MANY), (learner.id, TYPE_IT)}
    assert cards[learner.id, PICK_ONE].reps == 2
    assert cards[learner.id, PICK_ONE].due == START + timedelta(hours=1)
    assert scheduler.calls[1][0].reps == 1


async def test_a_replayed_answer_reviews_nothing(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    scheduler = FakeScheduler()
    progress, _ = services(uow, clock, scheduler)
    await progress.start_lesson(learner, VARIABLES)
    await progress.answer(learner, PICK_ONE, RIGHT[PICK_ONE], attempt=1)
    card = uow.saved.cards[learner.id, PICK_ONE]

    replay = await progress.answer(learner, PICK_ONE, RIGHT[PICK_ONE], attempt=1)

    assert replay.replayed
    assert uow.saved.cards[learner.id, PICK_ONE] == card
    assert card.reps == 1


async def test_without_a_scheduler_no_card_is_written(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    progress = committed(ProgressService(uow, clock, "UTC"))
    await progress.start_lesson(learner, VARIABLES)
    await progress.answer(learner, PICK_ONE, RIGHT[PICK_ONE])

    assert uow.saved.cards == {}


async def test_due_cards_are_asked_most_overdue_first_text_ones_too(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    scheduler = FakeScheduler()
    progress, review = services(uow, clock, scheduler)
    await progress.start_lesson(learner, VARIABLES)
    await progress.answer(learner, PICK_ONE, WRONG[PICK_ONE], attempt=1)
    await progress.answer(learner, PICK_MANY, RIGHT[PICK_MANY], attempt=1)
    await progress.answer(learner, TYPE_IT, WRONG[TYPE_IT], attempt=1)

    assert await review.next_card(learner) is None
    clock.advance(minutes=2)
    step = await review.next_card(learner)
    assert step is not None
    assert (step.challenge.id, step.review, step.due_count) == (PICK_ONE, 1, 2)
    clock.advance(days=1)
    assert await review.due_count(learner) == 3


async def answered_and_due(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> tuple[ReviewService, FakeScheduler]:
    scheduler = FakeScheduler()
    progress, review = services(uow, clock, scheduler)
    await progress.start_lesson(learner, VARIABLES)
    await progress.answer(learner, PICK_ONE, RIGHT[PICK_ONE], attempt=1)
    clock.advance(days=2)
    return review, scheduler


async def test_a_review_answer_is_rated_logged_and_reschedules_the_card(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    review, scheduler = await answered_and_due(uow, clock, learner)
    shown = clock.now() - timedelta(seconds=2)

    outcome = await review.answer(learner, PICK_ONE, RIGHT[PICK_ONE], 1, shown_at=shown)

    assert outcome.is_correct
    assert not outcome.replayed
    assert scheduler.ratings()[-1] is Rating.EASY
    card = uow.saved.cards[learner.id, PICK_ONE]
    assert (card.reps, card.due) == (2, clock.now() + timedelta(days=4))
    (entry,) = logged(uow.saved, learner.id, ActivityType.REVIEW_ANSWERED)
    assert entry.details == {"review": 1, "rating": "EASY", "correct": True, "points": 2}
    assert (learner.id, clock.now().date()) in uow.saved.study_days
    assert await review.due_count(learner) == 0


async def test_a_replayed_review_counts_once_and_a_future_one_is_stale(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    review, scheduler = await answered_and_due(uow, clock, learner)
    await review.answer(learner, PICK_ONE, WRONG[PICK_ONE], 1)
    saved = uow.saved.snapshot()

    replay = await review.answer(learner, PICK_ONE, WRONG[PICK_ONE], 1)

    assert replay.replayed
    assert not replay.is_correct
    assert uow.saved == saved
    with pytest.raises(StaleAnswer):
        await review.answer(learner, PICK_ONE, RIGHT[PICK_ONE], 7)
    with pytest.raises(ContentUnavailable):
        await review.answer(learner, PICK_MANY, RIGHT[PICK_MANY], 0)
    with pytest.raises(StaleAnswer):
        await review.answer(learner, PICK_ONE, RIGHT[PICK_ONE], 2)
    assert len(scheduler.calls) == 2
    assert uow.saved == saved


async def test_a_review_never_touches_lesson_scores_or_achievements(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    review, _ = await answered_and_due(uow, clock, learner)
    progress_before = dict(uow.saved.progress)
    earned_before = dict(uow.saved.earned)
    answers_before = dict(uow.saved.answers)
    logged_before = len(uow.saved.activities)
    totals_before = await uow.totals.totals(learner.id)

    await review.answer(learner, PICK_ONE, RIGHT[PICK_ONE], 1)

    assert uow.saved.progress == progress_before
    assert uow.saved.earned == earned_before
    assert uow.saved.answers == answers_before
    added = [row.activity_type for row in uow.saved.activities[logged_before:]]
    assert added == [ActivityType.REVIEW_ANSWERED]
    assert await uow.totals.totals(learner.id) == totals_before


async def test_right_reviews_add_points_to_today_and_meet_the_goal_once(
    uow: FakeUnitOfWork, clock: FakeClock, learner: Learner
) -> None:
    scheduler = FakeScheduler()
    progress, _ = services(uow, clock, scheduler)
    await progress.start_lesson(learner, VARIABLES)
    for challenge in (PICK_ONE, PICK_MANY):
        await progress.answer(learner, challenge, WRONG[challenge], attempt=1)
    clock.advance(days=1)
    review = committed(ReviewService(uow, clock, "UTC", scheduler, ReviewRules(points=10)))
    goal = await uow.learners.get(learner.id)
    assert goal is not None
    assert goal.daily_goal == 20

    first = await review.answer(goal, PICK_ONE, RIGHT[PICK_ONE], 1)
    second = await review.answer(goal, PICK_MANY, RIGHT[PICK_MANY], 1)
    again = await review.answer(goal, PICK_MANY, RIGHT[PICK_MANY], 1)

    assert (first.goal_met, second.goal_met, again.goal_met) == (False, True, False)
    assert await uow.totals.points_since(learner.id, clock.now() - timedelta(hours=1)) == 20
