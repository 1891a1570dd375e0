"""The review benchmark at a tiny size, so it cannot rot: it generates cards, times the
due read and explains it on both servers. Only the report's rows are checked (at this
size the planner may scan instead of using the index: the plan is printed, not judged)."""

import pytest

from tests.benchmarks.runner import bench_report
from tests.support.databases import ScratchDatabases

ROWS = ["generate", "due read, 5 cards a learner", "due read, 20 cards all due"]


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["postgresql", "mariadb"])
async def test_the_review_benchmark_reports_every_row(
    backend: str, scratch_databases: ScratchDatabases
) -> None:
    url = await scratch_databases.create(backend)
    arguments = ["--learners", "50", "--cards", "5", "--heavy", "20"]
    report = await bench_report("bench.review", url, *arguments)
    assert [row for row in ROWS if row not in report] == []
    assert "count(*) OVER ()" in report
    assert "review_cards" in report.split("LIMIT", 1)[1]
