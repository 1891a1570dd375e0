"""Two real ``learnbot run`` processes in webhook mode sharing one database.

The fake Bot API stands in for Telegram and a load balancer: updates go round robin and
concurrently to both replicas (``FakeTelegram.add_webhook_replica``).
"""

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest

from fake_telegram import FakeTelegram
from tests.e2e.conftest import bot_process, free_port, seeded_database, webhook_settings
from tests.support.databases import ScratchDatabases

POOL_SIZE = 5
"""DB_POOL_SIZE 3 + DB_MAX_OVERFLOW 2 (the defaults): the bot asks Telegram for no more."""
START_TIMEOUT = 120.0
"""Two processes importing aiogram at once on a loaded machine take a while."""


@dataclass(frozen=True)
class Replica:
    url: str
    process: asyncio.subprocess.Process
    log: Path


def scenario_size(variable: str, default: int) -> int:
    return int(os.environ.get(variable, default))


@pytest.fixture(params=["postgresql", "mariadb"])
async def shared_database(
    request: pytest.FixtureRequest, scratch_databases: ScratchDatabases
) -> str:
    return await seeded_database(scratch_databases, request.param)


@pytest.fixture
async def replicas(
    fake: FakeTelegram, shared_database: str, tmp_path: Path
) -> AsyncIterator[list[Replica]]:
    """Both replicas started, each having set its webhook; SIGTERM and a clean exit after."""
    async with AsyncExitStack() as stack:
        started = []
        for name in ("a", "b"):
            settings = webhook_settings(free_port())
            log = tmp_path / f"bot-{name}.log"
            process = await stack.enter_async_context(
                bot_process(fake, shared_database, log, **settings)
            )
            started.append(Replica(settings["WEBHOOK_URL"], process, log))
        for replica in started:
            await fake.wait_for_call(
                "setWebhook",
                lambda c, url=replica.url: c.params.get("url") == url,
                since=0,
                timeout=START_TIMEOUT,
            )
            fake.add_webhook_replica(replica.url)
        assert fake.state.webhook.max_connections == POOL_SIZE

        yield started
