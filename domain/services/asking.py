"""Putting a challenge to the learner: one use case, so the lesson's start and the text
challenge their next message answers are written in one transaction."""

from domain.kinds import kind_of
from domain.learners import Learner
from domain.services.learners import LearnerService
from domain.services.progress import ChallengeStep, ProgressService


async def put_challenge(
    progress: ProgressService,
    learners: LearnerService,
    learner: Learner,
    lesson_id: int,
    challenge_id: int | None = None,
) -> ChallengeStep | None:
    """The step to show (None: all solved); a text one becomes what the next message answers."""
    step = await progress.open_challenge(learner, lesson_id, challenge_id)
    if step is not None:
        pending = step.challenge.id if kind_of(step.challenge.kind).typed else None
        await learners.await_answer(learner, pending)
    return step
