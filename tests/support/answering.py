"""Answering as the bot does: the lesson is opened first, since an answer to a challenge of
a lesson the learner never opened is refused as forged."""

from domain.catalogue import Submission
from domain.learners import Learner
from domain.ports import UnitOfWork
from domain.services import ProgressService
from domain.services.progress import AnswerOutcome


async def opened_answer(
    uow: UnitOfWork,
    service: ProgressService,
    learner: Learner,
    challenge_id: int,
    submission: Submission,
    attempt: int | None = None,
) -> AnswerOutcome:
    """``service.answer`` after opening the challenge's lesson, if it is published."""
    challenge = await uow.catalogue.published_challenge(challenge_id)
    if challenge is not None:
        await service.start_lesson(learner, challenge.lesson_id)
    return await service.answer(learner, challenge_id, submission, attempt)
