"""One run: the ceiling, then each backend (saturation, fixed offered load, raw reference)."""

import os
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from aiogram import Bot, Dispatcher

from bench.answers.counting import RoundTrips
from bench.answers.dispatching import bench_settings, ceiling_dispatcher, real_dispatcher
from bench.answers.enrol import course_takers, endless_takers, started_on_first_lesson
from bench.answers.failures import failures_tallied
from bench.answers.load import Answer, SimLearner, Tally, offer, percentile_ms, saturate
from bench.answers.local_bot import local_bot
from bench.answers.raw import RAW_ROUND_TRIPS, RAW_STATEMENTS, raw_answers
from bench.answers.updates import button_press, learner_user
from bench.support.course import Course, publish_course
from bench.support.databases import drop_database, fresh_database
from bench.support.plans import Step
from learnbot.app import Application, application

Report = dict[str, Any]


@dataclass(frozen=True)
class Sizes:
    learners: int = 32
    seconds: float = 10.0
    warmup: float = 1.0
    rate: float = 300.0
    offered_seconds: float = 10.0
    offered_learners: int = 100
    lessons: int = 50


def through(dispatcher: Dispatcher, bot: Bot) -> Answer:
    async def answer(learner: SimLearner, step: Step) -> None:
        update = button_press(learner_user(learner.telegram_id), step.payload)
        await dispatcher.feed_update(bot, update)

    return answer


async def measure_ceiling(course: Course, sizes: Sizes) -> Report:
    bot, session = local_bot()
    answer = through(ceiling_dispatcher(course), bot)
    learners = endless_takers(course, sizes.learners)
    tally = await saturate(learners, answer, sizes.seconds, sizes.warmup)
    per_second = tally.in_window / tally.elapsed
    return {"answers_per_s": per_second, "answers": tally.answers, "refusals": session.refusals}


async def measure_backend(backend: str, sizes: Sizes, folder: Path, name: str) -> Report:
    url = await fresh_database(backend, name, folder)
    try:
        course = await publish_course(url, folder / "pack", sizes.lessons)
        async with application(bench_settings(url)) as learnbot:
            report = await _through_the_bot(learnbot, course, sizes)
            if backend != "sqlite":
                report |= await _raw_reference(learnbot, url, course, sizes, backend)
        return report | {"course": course}
    finally:
        await drop_database(backend, name)


async def _through_the_bot(learnbot: Application, course: Course, sizes: Sizes) -> Report:
    bot, session = local_bot()
    answer = through(real_dispatcher(learnbot), bot)
    saturating = await course_takers(learnbot, course, sizes.learners)
    counter = RoundTrips(learnbot.engine)
    with failures_tallied() as failures:
        with counter.counting():
            busy = await saturate(saturating, answer, sizes.seconds, sizes.warmup)
        offered = await course_takers(learnbot, course, sizes.offered_learners)
        steady = await offer(offered, answer, sizes.rate, sizes.offered_seconds)
    async with learnbot.engine.connect() as connection:
        recorded = await connection.scalar(sa.text("SELECT count(*) FROM challenge_answers"))
    return {
        "answers_per_s": busy.in_window / busy.elapsed,
        "answers": busy.answers + steady.answers,
        "recorded": int(recorded or 0),
        "refusals": session.refusals,
        "failures": dict(failures.causes),
        "offered_per_s": sizes.rate,
        "achieved_per_s": steady.in_window / steady.elapsed,
        "dropped": steady.dropped,
        "p50_ms": percentile_ms(steady.latencies, 50),
        "p99_ms": percentile_ms(steady.latencies, 99),
    } | _per_answer(busy, counter)


def _per_answer(tally: Tally, counter: RoundTrips) -> Report:
    def ratio(counts: Counter[str], kind: str | None = None) -> float:
        answers = tally.by_kind[kind] if kind else tally.answers
        total = counts[kind] if kind else sum(counts.values())
        return total / answers if answers else 0.0

    by_kind = {
        kind: {
            "answers": tally.by_kind[kind],
            "statements": ratio(counter.statements, kind),
            "round_trips": ratio(counter.round_trips, kind),
        }
        for kind in sorted(tally.by_kind)
    }
    return {
        "statements_per_answer": ratio(counter.statements),
        "round_trips_per_answer": ratio(counter.round_trips),
        "by_kind": by_kind,
    }


async def _raw_reference(
    learnbot: Application, url: str, course: Course, sizes: Sizes, backend: str
) -> Report:
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


async def run_answers(
    backends: list[str], sizes: Sizes, folder: Path, name: str = "learnbot_bench_answers"
) -> Report:
    """The whole benchmark; the ceiling is measured on the first backend's course."""
    load_before = os.getloadavg()
    results: dict[str, Report] = {}
    for backend in backends:
        results[backend] = await measure_backend(backend, sizes, folder / backend, name)
    course: Course = results[backends[0]].pop("course")
    for report in results.values():
        report.pop("course", None)
    ceiling = await measure_ceiling(course, sizes)
    machine = {"cpus": os.cpu_count(), "load_before": load_before, "load_after": os.getloadavg()}
    return {"ceiling": ceiling, "backends": results, "machine": machine, "sizes": asdict(sizes)}
