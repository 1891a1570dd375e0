"""The real ``learnbot run`` process against the project's fake Bot API, on a real database.

Each test gets a migrated database holding the example course, a fake Telegram on
loopback, and a bot process started for it and stopped with SIGTERM afterwards.
"""

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from fake_telegram import FakeTelegram, User
from tests.e2e.player import Player
from tests.support.databases import ScratchDatabases
from tests.support.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
LEARNBOT = str(Path(sys.executable).parent / "learnbot")
COURSE = ROOT / "content" / "python-basics"
TOKEN = "123456789:AAE2e-test-token-never-real"
ADMIN = User(900, "Admiral", "admiral")
START_TIMEOUT = 120.0
"""A failure timeout, not a target: `learnbot run` starts in about 3 s on a quiet machine,
but importing aiogram alone took up to 30 s on this 2-core machine under heavy load."""


@pytest.fixture(params=["sqlite", "postgresql"])
async def database(request: pytest.FixtureRequest, scratch_databases: ScratchDatabases) -> str:
    return await seeded_database(scratch_databases, request.param)


async def seeded_database(scratch_databases: ScratchDatabases, backend: str) -> str:
    """A fresh database, migrated and seeded with the example course by the CLI itself."""
    url: URL = await scratch_databases.create(backend)
    rendered = url.render_as_string(hide_password=False)
    await run_cli(rendered, "db", "upgrade", "--seed", str(COURSE))
    return rendered


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as telegram:
        yield telegram


async def run_cli(database_url: str, *args: str) -> str:
    process = await asyncio.create_subprocess_exec(
        LEARNBOT,
        *args,
        env=os.environ | {"DATABASE_URL": database_url},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        cwd=ROOT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode == 0, output.decode()
    return output.decode()


@asynccontextmanager
async def bot_process(
    fake: FakeTelegram, database_url: str, log_path: Path, **settings: str
) -> AsyncIterator[asyncio.subprocess.Process]:
    """``learnbot run`` until the block ends; then SIGTERM, and it must exit cleanly."""
    env = (
        os.environ
        | {
            "DATABASE_URL": database_url,
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": fake.url,
            "ADMIN_IDS": str(ADMIN.id),
            "LEADERBOARD_REFRESH_SECONDS": "3600",
            # The scripted player taps far faster than a person; the throttle has its own tests.
            "THROTTLE_ACTIONS": "10000",
        }
        | settings
    )
    with log_path.open("wb") as log:
        process = await asyncio.create_subprocess_exec(
            LEARNBOT, "run", env=env, stdout=log, stderr=log, cwd=ROOT
        )
        try:
            yield process
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            code = await asyncio.wait_for(process.wait(), 20)
    assert code == 0, read_log(log_path)


@pytest.fixture
async def polling_bot(
    fake: FakeTelegram, database: str, tmp_path: Path
) -> AsyncIterator[asyncio.subprocess.Process]:
    async with bot_process(fake, database, tmp_path / "bot.log") as process:
        await fake.wait_until_polling(timeout=START_TIMEOUT)
        yield process


@pytest.fixture
def ada(fake: FakeTelegram) -> Player:
    return Player(fake, User(101, "Ada", "ada_l", "Lovelace", "en"))


def read_log(path: Path) -> str:
    return path.read_text(errors="replace")


def webhook_settings(port: int) -> dict[str, str]:
    return {
        "WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram",
        "WEBHOOK_HOST": "127.0.0.1",
        "WEBHOOK_PORT": str(port),
        "WEBHOOK_SECRET": "e2e-webhook-secret",
    }


@pytest.fixture
async def webhook_bot(
    fake: FakeTelegram, database: str, tmp_path: Path
) -> AsyncIterator[asyncio.subprocess.Process]:
    """Webhook mode: the fake POSTs each update and waits for the bot's answer, one at a
    time, so every update is fully handled before the next is delivered."""
    settings = webhook_settings(free_port())
    async with bot_process(fake, database, tmp_path / "bot.log", **settings) as process:
        await fake.wait_for_call("setWebhook", since=0, timeout=START_TIMEOUT)
        yield process
