"""Putting a challenge to the learner: one use case, so the lesson's start and the text
challenge their next message answers are written in one transaction."""

from domain.kinds import kind_of
from domain.learners import Learner
from domain.services.learners import LearnerService
from domain.services.progress import ChallengeStep, ProgressService
from domain.services.review import ReviewService


async def put_challenge(
    progress: ProgressService,
    learners: LearnerService,
    learner: Learner,
    lesson_id: int,
    challenge_id: int | None = None,
    review: ReviewService | None = None,
) -> ChallengeStep | None:
    """The step to show (None: all solved); a text one becomes what the next message answers,
    taking it from a review card's wait (the question put up last takes the message)."""
    step = await progress.open_challenge(learner, lesson_id, challenge_id)
    if step is not None:
        pending = step.challenge.id if kind_of(step.challenge.kind).typed else None
        await learners.await_answer(learner, pending)
        if pending not in (None, learner.pending_challenge_id) and review is not None:
            await review.stop_waiting(learner)
    return step
