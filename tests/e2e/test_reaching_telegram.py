"""``learnbot run`` when Telegram cannot be used: one clear log line, never a traceback."""

import asyncio
import json
import os
import subprocess

import pytest

from fake_telegram import FakeTelegram
from infrastructure.db.engine import create_engine
from infrastructure.settings import Settings
from tests.e2e.conftest import LEARNBOT, START_TIMEOUT, TOKEN
from tests.support.databases import ScratchDatabases, migrate
from tests.support.ports import free_port


@pytest.fixture
async def database(scratch_databases: ScratchDatabases) -> str:
    url = (await scratch_databases.create("sqlite")).render_as_string(hide_password=False)
    engine = create_engine(Settings(database_url=url))
    try:
        await migrate(engine)
    finally:
        await engine.dispose()
    return url


async def run_bot(database: str, **settings: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"DATABASE_URL": database, "LOG_FORMAT": "json"} | settings
    return await asyncio.to_thread(
        subprocess.run,
        [LEARNBOT, "run"],
        env=env,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT,
        check=False,
    )


async def test_an_unreachable_bot_api_is_retried_for_a_while_then_given_up(database: str) -> None:
    """It used to print some 340 lines of aiohttp traceback, and not as JSON."""
    url = f"http://127.0.0.1:{free_port()}"

    result = await run_bot(
        database, BOT_TOKEN=TOKEN, TELEGRAM_API_URL=url, TELEGRAM_RETRY_SECONDS="2"
    )

    records = [json.loads(line) for line in result.stderr.splitlines()]
    tries = [r["message"] for r in records if r["logger"] == "bot.reach"]
    assert result.returncode == 1
    assert records[-1]["level"] == "ERROR"
    assert records[-1]["message"].startswith(f"cannot reach the Bot API at {url}: ")
    assert records[-1]["message"].endswith("(gave up after 2 s)")
    assert 1 <= len(tries) <= 3
    assert all(f"at {url}: " in line and "; retrying in " in line for line in tries)


@pytest.mark.parametrize(
    ("token", "said"),
    [
        ("123456:not.a.token", "refused BOT_TOKEN (Unauthorized): take the token from @BotFather"),
        ("garbage", "BOT_TOKEN is not a bot token: @BotFather gives one like 123456789:"),
    ],
    ids=["refused by Telegram", "not shaped like a token"],
)
async def test_a_token_telegram_cannot_accept_is_said_at_once(
    database: str, fake: FakeTelegram, token: str, said: str
) -> None:
    result = await run_bot(database, BOT_TOKEN=token, TELEGRAM_API_URL=fake.url)

    records = [json.loads(line) for line in result.stderr.splitlines()]
    assert result.returncode == 1
    assert [r["level"] for r in records if r["level"] != "INFO"] == ["ERROR"]
    assert said in records[-1]["message"]
