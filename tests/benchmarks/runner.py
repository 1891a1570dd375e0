"""Runs a benchmark module at a tiny size against a scratch database, as its tests do."""

import asyncio
import os
import sys
from pathlib import Path

from sqlalchemy.engine import URL

ROOT = Path(__file__).resolve().parents[2]


async def bench_report(module: str, url: URL, *arguments: str) -> str:
    """``python -m module URL arguments...`` from the repository's root; its report (stdout),
    once it exited cleanly (else its stderr's end is the failure)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        module,
        url.render_as_string(hide_password=False),
        *arguments,
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "200"},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=600)
    assert process.returncode == 0, err.decode()[-3000:]
    return out.decode()
