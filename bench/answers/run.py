"""One run: the ceiling, then each backend (saturation, fixed offered load, raw reference)."""

import os
import statistics
from collections import Counter
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict
from pathlib import Path

import sqlalchemy as sa

from bench.answers.counting import RoundTrips
from bench.answers.dispatching import bench_settings, real_dispatcher
from bench.answers.enrol import course_takers
from bench.answers.failures import failures_tallied
from bench.answers.load import (
    Answer,
    SimLearner,
    Tally,
    alternate,
    cpu_ms_per_answer,
    offer,
    percentile_ms,
    saturate,
)
from bench.answers.local_bot import local_bot
from bench.answers.profiling import profiled
from bench.answers.references import ceiling_figures, ceiling_side, measure_ceiling, measure_raw
from bench.answers.sizes import Report, Sizes
from bench.answers.updates import through
from bench.support.course import Course, publish_course
from bench.support.databases import drop_database, fresh_database
from learnbot.app import Application, application

DATABASE = "learnbot_bench_answers"


async def measure_backend(
    backend: str, sizes: Sizes, folder: Path, name: str
) -> tuple[Report, Report]:
    """The backend's figures, and its ceiling's."""
    url = await fresh_database(backend, name, folder)
    try:
        course = await publish_course(url, folder / "pack", sizes.lessons)
        async with application(bench_settings(url)) as learnbot:
            report, ceiling = await _through_the_bot(learnbot, course, sizes)
            if backend != "sqlite":
                report |= await measure_raw(learnbot, url, course, sizes, backend)
        return report, ceiling or await measure_ceiling(course, sizes)
    finally:
        await drop_database(backend, name)


async def _through_the_bot(
    learnbot: Application, course: Course, sizes: Sizes
) -> tuple[Report, Report | None]:
    bot, session = local_bot()
    profile: Report = {}
    answer = through(real_dispatcher(learnbot), bot)
    saturating = await course_takers(learnbot, course, sizes.learners)
    counter = RoundTrips(learnbot.engine)
    with failures_tallied() as failures:
        with counter.counting(), _maybe_profiled(sizes.profile, profile):
            busy, ceiling = await _saturated(saturating, answer, course, sizes)
        offered = await course_takers(learnbot, course, sizes.offered_learners)
        steady = await offer(offered, answer, sizes.rate, sizes.offered_seconds)
    async with learnbot.engine.connect() as connection:
        recorded = await connection.scalar(sa.text("SELECT count(*) FROM challenge_answers"))
    report = {
        "answers_per_s": busy.in_window / busy.elapsed,
        "cpu_ms_per_answer": cpu_ms_per_answer(busy),
        "answers": busy.answers + steady.answers,
        "recorded": int(recorded or 0),
        "refusals": session.refusals,
        "failures": dict(failures.causes),
        "offered_per_s": sizes.rate,
        "achieved_per_s": steady.in_window / steady.elapsed,
        "dropped": steady.dropped,
        "p50_ms": percentile_ms(steady.latencies, 50),
        "p99_ms": percentile_ms(steady.latencies, 99),
    }
    return report | _per_answer(busy, counter) | profile, ceiling


async def _saturated(
    learners: list[SimLearner], answer: Answer, course: Course, sizes: Sizes
) -> tuple[Tally, Report | None]:
    """The bot taking turns with the ceiling (``load.alternate``); profiled, the bot alone,
    and the ceiling is measured afterwards, outside the profile."""
    if sizes.profile:
        return await saturate(learners, answer, sizes.seconds, sizes.warmup), None
    side, session = ceiling_side(course, sizes)
    sides = [(learners, answer), side]
    busy, roof = await alternate(sides, sizes.rounds, sizes.seconds, sizes.warmup)
    return busy, ceiling_figures(roof, session)


def _maybe_profiled(enabled: bool, into: Report) -> AbstractContextManager[None]:
    return profiled(into) if enabled else nullcontext()


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


async def run_answers(
    backends: list[str], sizes: Sizes, folder: Path, name: str = DATABASE
) -> Report:
    """The whole benchmark. Each backend's ratio is to its own ceiling, on its course,
    measured in turns with it (``load.alternate``): on a shared machine the load moves
    between the first backend and the last, and even between two runs a few seconds
    apart."""
    load_before = os.getloadavg()
    results: dict[str, Report] = {}
    ceilings: list[Report] = []
    for backend in backends:
        results[backend], ceiling = await measure_backend(backend, sizes, folder / backend, name)
        ceilings.append(ceiling)
        results[backend]["ceiling_answers_per_s"] = ceilings[-1]["answers_per_s"]
        results[backend]["ceiling_cpu_ms_per_answer"] = ceilings[-1]["cpu_ms_per_answer"]
    ceiling = ceilings[0] | {
        "answers_per_s": statistics.fmean(c["answers_per_s"] for c in ceilings),
        "answers": sum(c["answers"] for c in ceilings),
        "refusals": sum(c["refusals"] for c in ceilings),
        "cpu_ms_per_answer": statistics.fmean(c["cpu_ms_per_answer"] for c in ceilings),
    }
    machine = {"cpus": os.cpu_count(), "load_before": load_before, "load_after": os.getloadavg()}
    return {"ceiling": ceiling, "backends": results, "machine": machine, "sizes": asdict(sizes)}
