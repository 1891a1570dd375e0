"""A vote on a quiz poll is an answer: counted once, only on this learner's open poll."""

from dataclasses import replace

import pytest

from domain.enums import ActivityType, ChallengeForm
from domain.learners import Learner
from domain.services import ProgressService, QuizPollService
from tests.support.use_cases import committed

from .conftest import MakeLearner
from .course import PICK_ONE, VARIABLES
from .fakes import FakeClock, FakeUnitOfWork, logged

ORDER = (2, 0, 1)
"""The poll shows option 2 first: the right option (1) is the poll's third."""
RIGHT_VOTE, WRONG_VOTE = [2], [0]


@pytest.fixture
def polls(uow: FakeUnitOfWork, clock: FakeClock) -> QuizPollService:
    return committed(QuizPollService(uow, clock, ProgressService(uow, clock, "UTC")))


async def send(
    polls: QuizPollService,
    progress: ProgressService,
    learner: Learner,
    poll_id: str = "p1",
    open_period: int | None = None,
) -> None:
    step = await progress.open_challenge(learner, VARIABLES, PICK_ONE)
    assert step is not None
    challenge = replace(step.challenge, form=ChallengeForm.POLL, open_period=open_period)
    await polls.sent(
        learner, learner.telegram_id, replace(step, challenge=challenge), poll_id, ORDER
    )


async def test_a_vote_is_scored_through_the_poll_order(
    polls: QuizPollService, progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await send(polls, progress_service, learner)

    vote = await polls.vote(learner, "p1", RIGHT_VOTE)

    assert vote is not None
    assert (vote.chat_id, vote.outcome.is_correct, vote.outcome.attempt) == (
        learner.telegram_id,
        True,
        1,
    )
    assert uow.saved.answers[learner.id, PICK_ONE, 1, 1].is_correct


async def test_a_replayed_vote_counts_once_and_asks_for_no_second_reply(
    polls: QuizPollService, progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await send(polls, progress_service, learner)
    await polls.vote(learner, "p1", WRONG_VOTE)

    assert await polls.vote(learner, "p1", WRONG_VOTE) is None
    assert await polls.vote(learner, "p1", RIGHT_VOTE) is None
    assert list(uow.saved.answers) == [(learner.id, PICK_ONE, 1, 1)]
    assert len(logged(uow.saved, learner.id, ActivityType.CHALLENGE_ATTEMPTED)) == 1


async def test_a_new_poll_after_a_wrong_vote_is_the_next_attempt(
    polls: QuizPollService, progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await send(polls, progress_service, learner, "p1")
    await polls.vote(learner, "p1", WRONG_VOTE)
    await send(polls, progress_service, learner, "p2")

    vote = await polls.vote(learner, "p2", RIGHT_VOTE)

    assert vote is not None
    assert (vote.outcome.attempt, vote.outcome.is_correct) == (2, True)


async def test_a_foreign_poll_or_another_voter_changes_nothing(
    polls: QuizPollService,
    progress_service: ProgressService,
    uow: FakeUnitOfWork,
    learner: Learner,
    make_learner: MakeLearner,
) -> None:
    await send(polls, progress_service, learner)
    before = uow.saved.snapshot()
    stranger = await make_learner(2000)

    assert await polls.vote(learner, "not-ours", RIGHT_VOTE) is None
    assert await polls.vote(stranger, "p1", RIGHT_VOTE) is None
    assert (uow.saved.answers, uow.saved.progress) == (before.answers, before.progress)


@pytest.mark.parametrize("option_ids", [[], [0, 1], [3], [-1]])
async def test_a_retracted_or_malformed_vote_changes_nothing(
    polls: QuizPollService,
    progress_service: ProgressService,
    uow: FakeUnitOfWork,
    learner: Learner,
    option_ids: list[int],
) -> None:
    await send(polls, progress_service, learner)

    assert await polls.vote(learner, "p1", option_ids) is None
    assert uow.saved.answers == {}


async def test_a_vote_after_the_open_period_changes_nothing(
    polls: QuizPollService,
    progress_service: ProgressService,
    uow: FakeUnitOfWork,
    learner: Learner,
    clock: FakeClock,
) -> None:
    await send(polls, progress_service, learner, open_period=30)
    clock.advance(seconds=29)
    await send(polls, progress_service, learner, "p2", open_period=30)
    clock.advance(seconds=1)

    assert await polls.vote(learner, "p1", RIGHT_VOTE) is None
    assert await polls.vote(learner, "p2", RIGHT_VOTE) is not None


async def test_a_poll_of_an_earlier_take_changes_nothing(
    polls: QuizPollService, progress_service: ProgressService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    await send(polls, progress_service, learner, "old")
    progress = uow.saved.progress[learner.id, VARIABLES]
    uow.working.progress[learner.id, VARIABLES] = replace(progress, take=2)
    await uow.commit()

    assert await polls.vote(learner, "old", RIGHT_VOTE) is None
    assert uow.saved.answers == {}
    assert uow.working == uow.saved
