"""The transaction benchmark at a tiny size, so it cannot rot: each of its three ways runs
on both servers and is reported (the figures are not judged)."""

import asyncio
import os
import sys
from pathlib import Path

import pytest

from tests.support.databases import ScratchDatabases

ROOT = Path(__file__).resolve().parents[2]
ROWS = ["session", "transaction", "driver alone", "x session"]


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["postgresql", "mariadb"])
async def test_the_transaction_benchmark_reports_every_way(
    backend: str, scratch_databases: ScratchDatabases
) -> None:
    url = await scratch_databases.create(backend)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.transaction",
        url.render_as_string(hide_password=False),
        "--cycles",
        "20",
        "--rounds",
        "2",
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "200"},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=600)

    assert process.returncode == 0, err.decode()[-3000:]
    report = out.decode()
    assert [row for row in ROWS if row not in report] == []
