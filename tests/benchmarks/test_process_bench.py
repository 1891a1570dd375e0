"""The process benchmark at a tiny size: the real ``learnbot run`` starts, answers, stops.

Only the shape of the report and non-zero figures are checked, never a timing.
"""

import secrets
from pathlib import Path

import pytest

from bench.process.run import ProcessSizes, measure_process


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
async def test_the_process_benchmark_reports_memory_and_start_up(
    backend: str, tmp_path: Path
) -> None:
    name = f"learnbot_bench_smoke_{secrets.token_hex(4)}"
    report = await measure_process(backend, ProcessSizes(12, 2, 0.0), tmp_path, name)

    assert report["answers"] == 12
    assert report["refusals"] == 0
    assert report["exit_code"] == 0
    assert report["startup_s"] > 0
    assert report["imports_s"] > 0
    assert 0 < report["rss_idle_mb"] <= report["peak_rss_mb"]
    assert 0 < report["rss_after_mb"] <= report["peak_rss_mb"]


@pytest.mark.slow
async def test_the_bot_process_reports_its_peak_memory_over_2000_answers(tmp_path: Path) -> None:
    """The deployment's question (does the bot fit its 128 MB container?) asked of the real
    process on PostgreSQL: VmHWM is read from /proc and printed. The benchmark holds the
    figure against the limit (docs/performance.md); a test on a shared machine only reports."""
    name = f"learnbot_bench_peak_{secrets.token_hex(4)}"
    report = await measure_process("postgresql", ProcessSizes(2_000, 20, 0.0), tmp_path, name)

    print(
        f"\nlearnbot run, PostgreSQL, 2,000 answers: VmHWM {report['peak_rss_mb']:.1f} MiB, "
        f"VmRSS idle {report['rss_idle_mb']:.1f} MiB, start-up {report['startup_s']:.2f} s"
    )
    assert report["answers"] == 2_000
    assert report["refusals"] == 0
    assert report["exit_code"] == 0
    assert report["rss_idle_mb"] <= report["peak_rss_mb"]
