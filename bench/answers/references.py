"""The two reference points: the dispatcher without a database (the ceiling of this
machine) and the answer's writes on the bare driver (the raw reference)."""

from collections import Counter

from bench.answers.dispatching import ceiling_dispatcher
from bench.answers.enrol import endless_takers, started_on_first_lesson
from bench.answers.load import Side, SimLearner, Tally, cpu_ms_per_answer, saturate
from bench.answers.local_bot import LocalSession, local_bot
from bench.answers.raw import RAW_ROUND_TRIPS, RAW_STATEMENTS, raw_answers
from bench.answers.sizes import Report, Sizes
from bench.answers.updates import through
from bench.support.course import Course
from bench.support.plans import Step
from learnbot.app import Application


def ceiling_side(course: Course, sizes: Sizes) -> tuple[Side, LocalSession]:
    """Learners that never run out of answers, pressing into the dispatcher without a
    database; the session counts what it refused."""
    bot, session = local_bot()
    return (
        endless_takers(course, sizes.learners),
        through(ceiling_dispatcher(course), bot),
    ), session


def ceiling_figures(tally: Tally, session: LocalSession) -> Report:
    return {
        "answers_per_s": tally.in_window / tally.elapsed,
        "answers": tally.answers,
        "refusals": session.refusals,
        "cpu_ms_per_answer": cpu_ms_per_answer(tally),
    }


async def measure_ceiling(course: Course, sizes: Sizes) -> Report:
    """On its own, after the backend: for a profiled run, whose bot runs at the profiler's
    pace (otherwise the ceiling takes turns with the bot, ``run._saturated``)."""
    side, session = ceiling_side(course, sizes)
    return ceiling_figures(await saturate(*side, sizes.seconds, sizes.warmup), session)


async def measure_raw(
    learnbot: Application, url: str, course: Course, sizes: Sizes, backend: str
) -> Report:
    """At the same concurrency, on as many connections as the bot's pool may open."""
    learners, learner_ids = await started_on_first_lesson(learnbot, course, sizes.learners)
    settings = learnbot.settings
    raw = await raw_answers(url, settings.db_pool_size + settings.db_max_overflow)
    attempts: Counter[int] = Counter()

    async def answer(learner: SimLearner, step: Step) -> None:
        attempts[learner.telegram_id] += 1
        await raw.answer(learner_ids[learner.telegram_id], step, attempts[learner.telegram_id])

    try:
        tally = await saturate(learners, answer, sizes.seconds, sizes.warmup)
    finally:
        await raw.close()
    return {
        "raw_answers_per_s": tally.in_window / tally.elapsed,
        "raw_statements_per_answer": RAW_STATEMENTS,
        "raw_round_trips_per_answer": RAW_ROUND_TRIPS[backend],
    }
