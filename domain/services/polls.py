"""Quiz polls: remembering the polls sent, and scoring a vote through the answer path.

A vote counts only on a poll this bot sent to this learner, still open, in the current
take; it then carries the poll's attempt number, so a replayed ``poll_answer`` (or a vote
on a second poll sent for the same attempt) is not counted again and gets no second reply.
Anything else changes nothing and asks for no reply either.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from domain.catalogue import Submission
from domain.errors import ContentUnavailable, InvalidSubmission, StaleAnswer
from domain.learners import Learner
from domain.polls import SentPoll
from domain.ports import Clock, PollPorts
from domain.services.progress import AnswerOutcome, ChallengeStep, ProgressService


@dataclass(frozen=True, slots=True)
class Vote:
    """A counted vote and the chat its feedback goes to."""

    chat_id: int
    outcome: AnswerOutcome


class QuizPollService:
    def __init__(
        self,
        uow: PollPorts,
        clock: Clock,
        progress: ProgressService,
    ) -> None:
        """``progress`` counts the vote: the rules of a button answer, the same service."""
        self._uow = uow
        self._clock = clock
        self._progress = progress

    async def sent(
        self,
        learner: Learner,
        chat_id: int,
        step: ChallengeStep,
        poll_id: str,
        order: Sequence[int],
    ) -> SentPoll:
        """Remember a poll sent; the handler commits it at once (``before_the_vote``)."""
        poll = SentPoll.of(
            poll_id,
            learner.id,
            chat_id,
            step.challenge,
            step.take,
            step.attempt,
            order,
            self._clock.now(),
        )
        await self._uow.polls.add(poll)
        return poll

    async def vote(self, learner: Learner, poll_id: str, option_ids: Sequence[int]) -> Vote | None:
        """The counted vote; None when it counts for nothing (see the module's docstring)."""
        poll = await self._uow.polls.get(poll_id)
        if poll is None or poll.user_id != learner.id or poll.is_closed(self._clock.now()):
            return None
        option = poll.chosen(option_ids)
        if option is None:
            return None
        submission = Submission(selected=frozenset({option}))
        try:
            outcome = await self._progress.answer(
                learner, poll.challenge_id, submission, poll.attempt, poll.take
            )
        except (ContentUnavailable, InvalidSubmission, StaleAnswer):
            await self._uow.rollback()
            return None
        return None if outcome.replayed else Vote(poll.chat_id, outcome)
