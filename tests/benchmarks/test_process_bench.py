"""The process benchmark at a tiny size: the real ``learnbot run`` starts, answers, stops.

Only the shape of the report and non-zero figures are checked, never a timing.
"""

from pathlib import Path

import pytest

from bench.process.run import ProcessSizes, measure_process


@pytest.mark.slow
async def test_the_process_benchmark_reports_memory_and_start_up(tmp_path: Path) -> None:
    report = await measure_process("sqlite", ProcessSizes(12, 2, 0.0), tmp_path)

    assert report["answers"] == 12
    assert report["refusals"] == 0
    assert report["exit_code"] == 0
    assert report["startup_s"] > 0
    assert 0 < report["rss_idle_mb"] <= report["peak_rss_mb"]
    assert 0 < report["rss_after_mb"] <= report["peak_rss_mb"]
