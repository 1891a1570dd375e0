"""/healthz and /metrics over real HTTP on loopback, and the metrics API the bot calls."""

from collections.abc import AsyncIterator

import aiohttp
import pytest

from domain.admin import LearnerCounts
from infrastructure.observability import Metrics
from infrastructure.observability.server import MetricsServer, start_metrics_server


class Health:
    def __init__(self) -> None:
        self.healthy = True
        self.broken = False

    async def __call__(self) -> bool:
        if self.broken:
            raise ConnectionError("database went away")
        return self.healthy


@pytest.fixture
def metrics() -> Metrics:
    return Metrics()


@pytest.fixture
def health() -> Health:
    return Health()


@pytest.fixture
async def server(metrics: Metrics, health: Health) -> AsyncIterator[MetricsServer]:
    async def gauges() -> None:
        metrics.set_learners(LearnerCounts(total=5, active=4, seen_today=2, seen_week=3))

    served = await start_metrics_server(
        0, metrics, host="127.0.0.1", health=health, before_scrape=gauges
    )
    try:
        yield served
    finally:
        await served.stop()


async def get(server: MetricsServer, path: str) -> tuple[int, str, str]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"http://127.0.0.1:{server.port}{path}") as response,
    ):
        return response.status, response.headers["Content-Type"], await response.text()


async def test_healthz_follows_the_health_check(server: MetricsServer, health: Health) -> None:
    assert (await get(server, "/healthz"))[::2] == (200, "ok\n")
    health.healthy = False
    assert (await get(server, "/healthz"))[::2] == (503, "unhealthy\n")
    health.healthy, health.broken = True, True
    assert (await get(server, "/healthz"))[0] == 503


async def test_metrics_count_updates_errors_latency_refreshes_and_learners(
    server: MetricsServer, metrics: Metrics
) -> None:
    metrics.observe_update("message", 0.02, ok=True)
    with metrics.timed_update("message"):
        pass
    with pytest.raises(ValueError, match="boom"), metrics.timed_update("callback_query"):
        raise ValueError("boom")
    metrics.observe_leaderboard_refresh(1.5, full=False)

    status, content_type, body = await get(server, "/metrics")

    assert status == 200
    assert content_type.startswith("text/plain; version=")
    assert 'learnbot_updates_total{kind="message",outcome="ok"} 2.0' in body
    assert 'learnbot_updates_total{kind="callback_query",outcome="error"} 1.0' in body
    assert 'learnbot_errors_total{kind="callback_query"} 1.0' in body
    assert 'learnbot_handler_seconds_bucket{kind="message",le="0.025"} 2.0' in body
    assert 'learnbot_handler_seconds_count{kind="callback_query"} 1.0' in body
    refresh = "learnbot_leaderboard_refresh_seconds"
    assert f'{refresh}_bucket{{le="1.0",mode="incremental"}} 0.0' in body
    assert f'{refresh}_bucket{{le="2.5",mode="incremental"}} 1.0' in body
    assert f'{refresh}_count{{mode="full"}} 0.0' in body, "exported before the first one"
    assert 'learnbot_learners{state="total"} 5.0' in body
    assert 'learnbot_learners{state="seen_today"} 2.0' in body


async def test_each_metrics_object_has_its_own_registry(metrics: Metrics) -> None:
    metrics.observe_update("message", 0.1, ok=True)

    assert b"learnbot_updates_total" in metrics.render()
    assert b'kind="message"' not in Metrics().render()
