"""``learnbot chat`` as a process at a terminal: it refuses a database it cannot serve, and
Ctrl-C ends it at once."""

import asyncio
import os
import pty
import signal
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

import migrations
from learnbot.migrate import alembic_config
from tests.e2e.conftest import LEARNBOT, START_TIMEOUT
from tests.support.databases import migrate

HEAD = migrations.HEAD_REVISION
PREVIOUS = str(ScriptDirectory.from_config(alembic_config()).get_revision(HEAD).down_revision)
"""The revision before the head, as the migrations chain them (numbers may skip)."""
EXIT_TIMEOUT = 20.0
"""A failure timeout: the chat ends in about a second; it used to wait for Enter forever."""


async def sqlite_at(path: Path, revision: str | None) -> str:
    """A SQLite file migrated to ``revision``, or a new empty one when None."""
    url = f"sqlite+aiosqlite:///{path}"
    engine = create_async_engine(url, poolclass=NullPool)
    try:
        if revision is None:
            async with engine.connect():
                pass
        else:
            await migrate(engine, revision)
    finally:
        await engine.dispose()
    return url


@pytest.mark.parametrize(
    ("revision", "advice"),
    [
        (None, "The database has no schema yet: run `learnbot db upgrade` first."),
        (
            PREVIOUS,
            f"The database is at revision {PREVIOUS}, not {HEAD}: run `learnbot db upgrade`",
        ),
    ],
    ids=["empty file", "one revision behind"],
)
async def test_the_chat_refuses_a_database_it_cannot_serve(
    tmp_path: Path, revision: str | None, advice: str
) -> None:
    """It used to open, then answer every message with "Something went wrong"."""
    url = await sqlite_at(tmp_path / "author.db", revision)
    result = await asyncio.to_thread(
        subprocess.run,
        [LEARNBOT, "chat"],
        input="/start\n",
        env=os.environ | {"DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT,
        check=False,
    )

    assert result.returncode == 1
    assert result.stdout.startswith(advice), result.stdout + result.stderr
    assert "Offline chat" not in result.stdout
    assert "Traceback" not in result.stderr


async def test_ctrl_c_ends_the_chat_at_once(tmp_path: Path) -> None:
    url = await sqlite_at(tmp_path / "author.db", "head")
    async with chat_at_a_terminal(url) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        banner = await asyncio.wait_for(process.stdout.readline(), START_TIMEOUT)
        assert banner.startswith(b"Offline chat"), banner

        process.send_signal(signal.SIGINT)

        assert await asyncio.wait_for(process.wait(), EXIT_TIMEOUT) == 0
        assert (await process.stdout.read()).endswith(b"\nChat ended.\n")
        assert b"Traceback" not in await process.stderr.read()


@asynccontextmanager
async def chat_at_a_terminal(url: str) -> AsyncIterator[asyncio.subprocess.Process]:
    """``learnbot chat`` reading a pseudo-terminal nobody types into, as a waiting author's."""
    keyboard, terminal = pty.openpty()
    process = await asyncio.create_subprocess_exec(
        LEARNBOT,
        "chat",
        stdin=terminal,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=os.environ | {"DATABASE_URL": url},
    )
    os.close(terminal)
    try:
        yield process
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        os.close(keyboard)
