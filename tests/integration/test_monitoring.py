"""The composition root's metrics server: a database health check and live learner gauges."""

import aiohttp
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.learners import TelegramProfile
from domain.services import LearnerService
from infrastructure.observability import Metrics
from infrastructure.settings import Settings
from learnbot.app import application
from learnbot.monitoring import serve_metrics
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock


async def test_serve_metrics_checks_the_database_and_counts_learners(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock
) -> None:
    async with uow_factory() as uow:
        await LearnerService(uow, clock).register(TelegramProfile(77, "ada"))
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
