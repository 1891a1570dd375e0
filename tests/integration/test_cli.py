"""The migration commands as operators run them: ``alembic`` and ``learnbot db``."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from learnbot.migrate import alembic_config
from tests.support.databases import BACKENDS, SERVERS, ScratchDatabases
from tests.support.polling import poll

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SCRIPTS = ScriptDirectory.from_config(alembic_config())
HEAD = f"{SCRIPTS.get_current_head()} (head)"
PREVIOUS = str(SCRIPTS.get_revision("head").down_revision)


@pytest.fixture(params=BACKENDS)
async def database(request: pytest.FixtureRequest, scratch_databases: ScratchDatabases) -> URL:
    return await scratch_databases.create(request.param)


def attempt(
    url: URL, *command: str, cwd: Path = ROOT, **extra: str
) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"DATABASE_URL": url.render_as_string(hide_password=False)} | extra
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=120
    )


def run(url: URL, *command: str, cwd: Path = ROOT, **extra: str) -> str:
    result = attempt(url, *command, cwd=cwd, **extra)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


async def tables(url: URL) -> set[str]:
    engine = create_async_engine(url, poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            return set(await connection.run_sync(lambda sync: sa.inspect(sync).get_table_names()))
    finally:
        await engine.dispose()


async def test_alembic_upgrade_head_works_directly_with_database_url(database: URL) -> None:
    run(database, str(BIN / "alembic"), "upgrade", "head")

    assert {"users", "user_progress", "challenge_answers", "leaderboard_cache"} <= await tables(
        database
    )
    assert HEAD in run(database, str(BIN / "alembic"), "current")
    assert "No new upgrade operations" in run(database, str(BIN / "alembic"), "check")


async def test_learnbot_db_wraps_alembic_from_any_directory(database: URL, tmp_path: Path) -> None:
    learnbot = str(BIN / "learnbot")
    run(database, learnbot, "db", "upgrade", cwd=tmp_path)
    assert HEAD in run(database, learnbot, "db", "current", cwd=tmp_path)
    assert "initial schema" in run(database, learnbot, "db", "history", cwd=tmp_path).lower()

    run(database, learnbot, "db", "downgrade", "-1", cwd=tmp_path)
    assert PREVIOUS in run(database, learnbot, "db", "current", cwd=tmp_path)
    run(database, learnbot, "db", "downgrade", "base", cwd=tmp_path)

    assert await tables(database) <= {"alembic_version"}
    assert await enum_types(database) == set()


async def test_an_unknown_revision_is_one_line_not_a_traceback(
    database: URL, tmp_path: Path
) -> None:
    refused = attempt(database, str(BIN / "learnbot"), "db", "upgrade", "nowhere", cwd=tmp_path)

    assert refused.returncode == 1
    assert "Can't locate revision identified by 'nowhere'" in refused.stdout
    assert "Traceback" not in refused.stdout + refused.stderr


async def enum_types(url: URL) -> set[str]:
    """PostgreSQL keeps enum types after their tables are dropped, unless told otherwise."""
    if url.get_backend_name() != "postgresql":
        return set()
    engine = create_async_engine(url, poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            query = sa.text("SELECT typname FROM pg_type WHERE typtype = 'e'")
            return set(await connection.scalars(query))
    finally:
        await engine.dispose()


async def test_learnbot_run_migrates_only_when_auto_migrate_is_set(
    database: URL, tmp_path: Path
) -> None:
    """Without a token the process stops after migrating, before any Telegram call."""
    learnbot = str(BIN / "learnbot")
    refused = attempt(database, learnbot, "run", cwd=tmp_path, BOT_TOKEN="1:unused")
    assert refused.returncode == 1
    assert "learnbot db upgrade" in refused.stdout
    assert "users" not in await tables(database)

    migrated = attempt(database, learnbot, "run", cwd=tmp_path, AUTO_MIGRATE="1", BOT_TOKEN="")

    assert migrated.returncode == 2
    assert "BOT_TOKEN is not set" in migrated.stdout
    assert "inbox_messages" in await tables(database)


@pytest.mark.parametrize(
    "command",
    [
        ("users", "list"),
        ("stats",),
        ("leaderboard", "refresh"),
        ("content", "export", "exported"),
        ("db", "current"),
        ("chat",),
    ],
)
def test_outside_the_repository_no_empty_database_is_left_behind(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """The default URL is ./learnbot.db: a command run elsewhere used to create it empty."""
    env = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}
    result = subprocess.run(
        [str(BIN / "learnbot"), *command],
        cwd=tmp_path,
        env=env,
        input="",
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )

    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith(f"No database at {tmp_path.resolve() / 'learnbot.db'}")
    assert "learnbot db upgrade" in result.stdout
    assert list(tmp_path.iterdir()) == []


def test_a_database_that_is_not_there_is_named_in_one_line(tmp_path: Path) -> None:
    missing = make_url(SERVERS["postgresql"]).set(database="learnbot_never_created")

    refused = attempt(missing, str(BIN / "learnbot"), "users", "list", cwd=tmp_path)

    assert refused.returncode == 1
    assert refused.stdout == (
        f"Cannot use the database at {missing.render_as_string(hide_password=True)}: "
        'database "learnbot_never_created" does not exist\n'
    )


async def test_learnbot_scheduler_runs_until_sigterm(database: URL, tmp_path: Path) -> None:
    learnbot = str(BIN / "learnbot")
    run(database, learnbot, "db", "upgrade", cwd=tmp_path)
    assert "Ranked 0 learners" in run(database, learnbot, "leaderboard", "refresh", cwd=tmp_path)
    env = os.environ | {"DATABASE_URL": database.render_as_string(hide_password=False)}
    process = await asyncio.create_subprocess_exec(
        learnbot, "scheduler", cwd=tmp_path, env=env, stdout=asyncio.subprocess.PIPE
    )
    assert process.stdout is not None
    started = await asyncio.wait_for(process.stdout.readline(), timeout=60)
    process.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(process.wait(), timeout=60) == 0
    assert b"Scheduler running: leaderboard.refresh" in started
    assert b"Scheduler stopped" in await process.stdout.read()


async def test_learnbot_scheduler_serves_its_refresh_times(database: URL, tmp_path: Path) -> None:
    """With the jobs in their own process, that process is where their metrics live."""
    learnbot, port = str(BIN / "learnbot"), free_port()
    run(database, learnbot, "db", "upgrade", cwd=tmp_path)
    url = database.render_as_string(hide_password=False)
    env = os.environ | {"DATABASE_URL": url, "METRICS_PORT": str(port)}
    process = await asyncio.create_subprocess_exec(
        learnbot, "scheduler", cwd=tmp_path, env=env, stdout=asyncio.subprocess.PIPE
    )
    try:
        assert process.stdout is not None
        await asyncio.wait_for(process.stdout.readline(), timeout=60)
        await poll(lambda: _refreshes_counted(port), timeout=60)
    finally:
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), timeout=60) == 0


async def _refreshes_counted(port: int) -> bool:
    """The first tick runs at start; its time shows on the process's own /metrics."""
    scraped = await asyncio.to_thread(_get, f"http://127.0.0.1:{port}/metrics")
    counted = 'learnbot_leaderboard_refresh_seconds_count{mode="incremental"} '
    return any(
        line.startswith(counted) and float(line.split()[-1]) > 0 for line in scraped.splitlines()
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode())
