"""SQLite's calls run on the loop's thread; another connection's lock is waited for on
aiosqlite's thread, so the loop goes on meanwhile (``infrastructure/db/sqlite_inline.py``).

The lock is held by a plain sqlite3 connection, as the admin CLI holds it while it
publishes a pack. The steps are explicit: a call is known to wait once the module has
logged that it does.
"""

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from infrastructure.db import sqlite_inline
from infrastructure.db.engine import create_engine
from infrastructure.db.sqlite_inline import InlineConnection, connect_inline
from infrastructure.settings import Settings

INSERT = "INSERT INTO notes (body) VALUES ('written')"


@pytest.fixture
def database(tmp_path: Path) -> str:
    path = str(tmp_path / "locks.db")
    with sqlite3.connect(path) as setup:
        setup.execute("PRAGMA journal_mode = WAL")
        setup.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
    return path


@pytest.fixture
def blocker(database: str) -> Iterator[sqlite3.Connection]:
    """Another connection, holding the write lock until the test lets go of it."""
    connection = sqlite3.connect(database, isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    finally:
        connection.close()


class Waits(logging.Handler):
    """``started`` is set once a call goes to wait on the thread (each one is logged)."""

    def __init__(self) -> None:
        super().__init__()
        self.started = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        self.started.set()


@pytest.fixture
def waits(caplog: pytest.LogCaptureFixture) -> Iterator[asyncio.Event]:
    caplog.set_level(logging.INFO, logger=sqlite_inline.log.name)
    handler = Waits()
    sqlite_inline.log.addHandler(handler)
    try:
        yield handler.started
    finally:
        sqlite_inline.log.removeHandler(handler)


@pytest.fixture
async def inline(database: str) -> AsyncIterator[InlineConnection]:
    connection = await connect_inline(database, timeout=30)
    try:
        yield connection
    finally:
        await connection.close()


def notes(database: str) -> list[str]:
    with sqlite3.connect(database) as reader:
        return [body for (body,) in reader.execute("SELECT body FROM notes")]


async def test_a_write_waits_for_another_connections_lock_while_the_loop_runs_on(
    database: str, blocker: sqlite3.Connection, waits: asyncio.Event
) -> None:
    engine = create_engine(Settings(database_url=f"sqlite+aiosqlite:///{database}"))
    try:
        async with engine.connect() as connection:
            raw = await connection.get_raw_connection()
            assert isinstance(raw.driver_connection, InlineConnection)
            write = asyncio.create_task(connection.execute(sa.text(INSERT)))
            await waits.wait()
            assert raw.driver_connection.calls_on_thread == 1
            assert not write.done()
            blocker.commit()
            await write
            await connection.commit()
    finally:
        await engine.dispose()
    assert notes(database) == ["written"]


async def test_calls_after_a_waiting_one_wait_behind_it_in_order(
    database: str, blocker: sqlite3.Connection, inline: InlineConnection, waits: asyncio.Event
) -> None:
    """The count is asked for right after the write: its task runs its first step (and is
    handed to the thread, behind the write) before this test's next step."""
    write = asyncio.create_task(inline.execute(INSERT))
    count = asyncio.create_task(inline.execute_fetchall("SELECT count(*) FROM notes"))
    await waits.wait()
    assert inline.calls_on_thread == 2
    blocker.commit()
    await write
    assert list(await count) == [(1,)]
    await inline.commit()
    assert inline.calls_on_thread == 0
    assert notes(database) == ["written"]


async def test_a_lock_held_past_the_timeout_fails_as_before_and_calls_run_inline_again(
    database: str, blocker: sqlite3.Connection
) -> None:
    inline = await connect_inline(database, timeout=0.01)
    try:
        with pytest.raises(sqlite3.OperationalError, match="database is locked"):
            await inline.execute(INSERT)
        blocker.commit()
        assert list(await inline.execute_fetchall("PRAGMA busy_timeout")) == [(0,)]
        await inline.execute(INSERT)
        await inline.commit()
        assert inline.calls_on_thread == 0
    finally:
        await inline.close()
    assert notes(database) == ["written"]


async def test_a_close_behind_a_waiting_call_closes_once_that_call_has_run(
    database: str, blocker: sqlite3.Connection, waits: asyncio.Event
) -> None:
    inline = await connect_inline(database, timeout=30)
    write = asyncio.create_task(inline.execute(INSERT))
    close = asyncio.create_task(inline.close())
    await waits.wait()
    assert inline.calls_on_thread == 2
    blocker.commit()
    await write
    await close
    assert notes(database) == []
