"""The transaction benchmark at a tiny size, so it cannot rot: each of its three ways runs
on both servers and is reported (the figures are not judged)."""

import pytest

from tests.benchmarks.runner import bench_report
from tests.support.databases import ScratchDatabases

ROWS = ["session", "transaction", "driver alone", "x session"]


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["postgresql", "mariadb"])
async def test_the_transaction_benchmark_reports_every_way(
    backend: str, scratch_databases: ScratchDatabases
) -> None:
    url = await scratch_databases.create(backend)
    report = await bench_report("bench.transaction", url, "--cycles", "20", "--rounds", "2")
    assert [row for row in ROWS if row not in report] == []
