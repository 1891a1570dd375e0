"""Simulated learners, registered through the learner service before anything is timed."""

import itertools
from collections.abc import Iterable, Iterator

from bench.answers.load import SimLearner
from bench.answers.updates import learner_user
from bench.support.course import Course
from bench.support.plans import Step, answer_plan
from domain.learners import TelegramProfile
from domain.progress import Progress
from domain.services import LearnerService
from learnbot.app import Application

_telegram_ids = itertools.count(700_000_001)


async def enrol(learnbot: Application, count: int) -> dict[int, int]:
    """``count`` new learners: their learner id by Telegram id."""
    ids: dict[int, int] = {}
    for telegram_id in itertools.islice(_telegram_ids, count):
        user = learner_user(telegram_id)
        profile = TelegramProfile(
            user.id, user.username, user.first_name, user.last_name, user.language_code
        )
        async with learnbot.unit_of_work() as uow:
            ids[telegram_id] = (await LearnerService(uow, learnbot.clock).register(profile)).id
            await uow.commit()
    return ids


async def course_takers(learnbot: Application, course: Course, count: int) -> list[SimLearner]:
    """Learners each about to answer the whole course in order, every lesson opened (an
    answer counts only in a lesson the learner opened; opening is not what is measured)."""
    ids = await enrol(learnbot, count)
    await _open_lessons(learnbot, course, ids.values())
    return [SimLearner(telegram_id, answer_plan(course)) for telegram_id in ids]


async def started_on_first_lesson(
    learnbot: Application, course: Course, count: int
) -> tuple[list[SimLearner], dict[int, int]]:
    """Learners with the first lesson started, answering its challenges over and over
    (for the raw reference, which keeps no state of its own)."""
    ids = await enrol(learnbot, count)
    await _open_lessons(learnbot, course[:1], ids.values())
    learners = [SimLearner(telegram_id, _endless(course[:1])) for telegram_id in ids]
    return learners, ids


async def _open_lessons(learnbot: Application, course: Course, learner_ids: Iterable[int]) -> None:
    now = learnbot.clock.now()
    async with learnbot.unit_of_work() as uow:
        for learner_id in learner_ids:
            for challenges in course:
                await uow.progress.add(Progress.begin(learner_id, challenges[0].lesson_id, now))
        await uow.commit()


def _endless(course: Course) -> Iterator[Step]:
    while True:
        yield from answer_plan(course)


def endless_takers(course: Course, count: int) -> list[SimLearner]:
    """Learners that never run out of answers, for the dispatcher without a database."""
    return [SimLearner(next(_telegram_ids), _endless(course)) for _ in range(count)]
