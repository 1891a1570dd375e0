"""The leaderboard benchmark at a tiny size, so it cannot rot: it generates, refreshes,
rewrites, loops, reads and explains on both servers. Only the report's rows are checked,
never a timing."""

import asyncio
import os
import sys
from pathlib import Path

import pytest

from tests.support.databases import ScratchDatabases

ROOT = Path(__file__).resolve().parents[2]
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
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.leaderboard",
        url.render_as_string(hide_password=False),
        "--learners",
        "400",
        "--sample",
        "5",
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "200"},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=600)

    assert process.returncode == 0, err.decode()[-3000:]
    report = out.decode()
    assert [row for row in ROWS if row not in report] == []
    assert "UNION ALL" in report
    assert "leaderboard_cache" in report
