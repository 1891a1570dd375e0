"""The answer benchmark at a tiny size, so it cannot rot: it runs, answers, counts SQL.

Only the shape of the report and non-zero counts are checked, never a timing.
"""

import io
import secrets
from pathlib import Path

import pytest
from rich.console import Console

from bench.answers.report import print_report
from bench.answers.run import run_answers
from bench.answers.sizes import Sizes

TINY = Sizes(
    learners=2,
    seconds=0.5,
    warmup=0.1,
    rate=20.0,
    offered_seconds=0.5,
    offered_learners=3,
    lessons=2,
)
FIGURES = {
    "answers_per_s",
    "answers",
    "recorded",
    "refusals",
    "failures",
    "offered_per_s",
    "achieved_per_s",
    "dropped",
    "p50_ms",
    "p99_ms",
    "statements_per_answer",
    "round_trips_per_answer",
    "by_kind",
    "ceiling_answers_per_s",
    "cpu_ms_per_answer",
    "ceiling_cpu_ms_per_answer",
}
RAW = {"raw_answers_per_s", "raw_statements_per_answer", "raw_round_trips_per_answer"}


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
async def test_the_answer_benchmark_reports_every_figure(backend: str, tmp_path: Path) -> None:
    name = f"learnbot_bench_smoke_{secrets.token_hex(4)}"
    report = await run_answers([backend], TINY, tmp_path, name)

    figures = report["backends"][backend]
    assert set(figures) == FIGURES | (RAW if backend != "sqlite" else set())
    assert figures["answers"] > 0
    assert figures["recorded"] == figures["answers"]
    assert figures["refusals"] == 0
    assert figures["failures"] == {}
    assert figures["statements_per_answer"] > 0
    assert figures["round_trips_per_answer"] >= figures["statements_per_answer"]
    assert figures["by_kind"]["wrong"]["answers"] > 0
    assert figures["cpu_ms_per_answer"] > 0
    assert figures["ceiling_cpu_ms_per_answer"] > 0
    assert report["ceiling"]["answers"] > 0
    assert report["ceiling"]["refusals"] == 0
    if backend != "sqlite":
        assert figures["raw_answers_per_s"] > 0
    printed = io.StringIO()
    print_report(report, Console(file=printed, width=150))
    assert backend in printed.getvalue()
