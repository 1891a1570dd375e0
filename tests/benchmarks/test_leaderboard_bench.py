"""The leaderboard benchmark at a tiny size, so it cannot rot: it generates, refreshes,
rewrites, loops, reads and explains on both servers. Only the report's rows are checked,
never a timing."""

import pytest

from tests.benchmarks.runner import bench_report
from tests.support.databases import ScratchDatabases

ROWS = [
    "generate",
    "refresh, nothing changed",
    "refresh after 1.0% of learners changed",
    "bare DELETE + INSERT ... SELECT",
    "naive ORM loop, scaled to all",
    "leagues: weekly rollover (close + form)",
    "leagues: League view read",
    "/top + my rank (all_time), read",
    "/top + my rank (week), whole unit of work",
]


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["postgresql", "mariadb"])
async def test_the_leaderboard_benchmark_reports_every_row(
    backend: str, scratch_databases: ScratchDatabases
) -> None:
    url = await scratch_databases.create(backend)
    report = await bench_report("bench.leaderboard", url, "--learners", "400", "--sample", "5")
    assert [row for row in ROWS if row not in report] == []
    assert "UNION ALL" in report
    assert "leaderboard_cache" in report
