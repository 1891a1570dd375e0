"""The composition root's metrics server: a database health check and live learner gauges,
and every metric docs/operations.md documents moving when the real bot and jobs run."""

import re
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.client import bot_on
from bot.dispatcher import build_dispatcher
from domain.learners import TelegramProfile
from domain.ports import UnitOfWorkFactory
from domain.services import LearnerService
from infrastructure.db.engine import create_engine, create_session_factory
from infrastructure.db.repositories.catalogue_cache import CatalogueCache
from infrastructure.db.uow import SqlUnitOfWork
from infrastructure.observability import Metrics
from infrastructure.scheduler import FULL_REFRESH_JOB, LEADERBOARD_JOB
from infrastructure.settings import Settings
from learnbot.app import Application, application
from learnbot.monitoring import serve_metrics
from learnbot.telegram import bot_config
from tests.fuzz.session import LocalSession
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.ports import free_port
from tests.support.use_cases import committed

OPERATIONS = Path(__file__).resolve().parents[2] / "docs" / "operations.md"
ADA = {"id": 7001, "is_bot": False, "first_name": "Ada", "language_code": "en"}


async def test_serve_metrics_checks_the_database_and_counts_learners(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock
) -> None:
    async with uow_factory() as uow:
        await committed(LearnerService(uow, clock)).register(TelegramProfile(77, "ada"))
    settings = Settings(database_url=engine.url.render_as_string(hide_password=False))
    metrics = Metrics()

    async with application(settings) as learnbot:
        assert await serve_metrics(learnbot, metrics) is None, "METRICS_PORT is unset"
        server = await serve_metrics(learnbot, metrics, host="127.0.0.1", port=0)
        assert server is not None
        base = f"http://127.0.0.1:{server.port}"
        try:
            async with aiohttp.ClientSession() as session:
                async with session.get(f"{base}/healthz") as response:
                    assert (response.status, await response.text()) == (200, "ok\n")
                async with session.get(f"{base}/metrics") as response:
                    body = await response.text()
        finally:
            await server.stop()

    assert 'learnbot_learners{state="total"} 1.0' in body
    assert 'learnbot_learners{state="active"} 1.0' in body


def documented_metrics() -> list[str]:
    """The names in the metrics table of docs/operations.md, as an operator graphs them."""
    table = OPERATIONS.read_text("utf-8")
    return re.findall(r"^\| `(learnbot_[a-z_]+)` \|", table, re.MULTILINE)


@pytest.fixture
async def database_away() -> AsyncIterator[UnitOfWorkFactory]:
    """Units of work on a port where no server listens: an update then fails outside its
    handler, which is what ``learnbot_errors_total`` counts."""
    url = f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/away"
    engine = create_engine(Settings(database_url=url, db_pool_size=1, db_max_overflow=0))
    sessions = create_session_factory(engine)
    yield lambda: SqlUnitOfWork(sessions, CatalogueCache())
    await engine.dispose()


async def send_start(learnbot: Application, uow_factory: UnitOfWorkFactory) -> None:
    """/start from Ada through the dispatcher the bot runs, measured into the app's metrics."""
    config = bot_config(learnbot.settings)
    dispatcher, _ = build_dispatcher(uow_factory, learnbot.clock, config, learnbot.metrics)
    chat = {"id": ADA["id"], "type": "private"}
    command = {"type": "bot_command", "offset": 0, "length": 6}
    message = {"message_id": 1, "date": int(time.time()), "chat": chat, "from": ADA}
    update = {"update_id": 1, "message": message | {"text": "/start", "entities": [command]}}
    await dispatcher.feed_raw_update(bot_on(LocalSession(), "4242:metrics"), update)


async def scrape(learnbot: Application) -> dict[tuple[str, str], float]:
    """Every sample of the app's /metrics, by name and labels."""
    server = await serve_metrics(learnbot, learnbot.metrics, host="127.0.0.1", port=0)
    assert server is not None
    try:
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"http://127.0.0.1:{server.port}/metrics") as response,
        ):
            body = await response.text()
    finally:
        await server.stop()
    families = text_string_to_metric_families(body)
    return {
        (sample.name, ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))): sample.value
        for family in families
        for sample in family.samples
    }


async def test_every_documented_metric_moves_when_the_bot_and_its_jobs_run(
    engine: AsyncEngine,
    uow_factory: UowFactory,
    course: Course,
    database_away: UnitOfWorkFactory,
) -> None:
    settings = Settings(database_url=engine.url.render_as_string(hide_password=False))

    async with application(settings) as learnbot:
        await send_start(learnbot, learnbot.unit_of_work)
        await send_start(learnbot, database_away)
        jobs = {job.id: job for job in learnbot.scheduler().jobs}
        for job in (jobs[LEADERBOARD_JOB], jobs[FULL_REFRESH_JOB]):
            assert not (await job.func(*job.args, **job.kwargs)).skipped
        samples = await scrape(learnbot)

    documented = documented_metrics()
    assert len(documented) == 5, documented
    for name in documented:
        moved = [value for (sample, _), value in samples.items() if sample in _series(name)]
        assert any(value > 0 for value in moved), f"{name} is documented but never moves"
    refreshes = "learnbot_leaderboard_refresh_seconds_count"
    assert samples[refreshes, "mode=incremental"] == samples[refreshes, "mode=full"] == 1
    assert samples["learnbot_errors_total", "kind=message"] == 1
    assert samples["learnbot_updates_total", "kind=message,outcome=ok"] == 1


def _series(name: str) -> set[Any]:
    """A counter's or gauge's own samples, or a histogram's count."""
    return {name, f"{name}_count"}
