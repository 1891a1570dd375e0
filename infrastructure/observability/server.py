"""``/healthz`` and ``/metrics`` on METRICS_PORT, served by aiohttp inside the bot's loop."""

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from infrastructure.observability.metrics import Metrics

log = logging.getLogger(__name__)
HealthCheck = Callable[[], Awaitable[bool]]
BeforeScrape = Callable[[], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class MetricsServer:
    runner: web.AppRunner
    port: int

    async def stop(self) -> None:
        await self.runner.cleanup()


async def start_metrics_server(
    port: int,
    metrics: Metrics,
    *,
    host: str = "0.0.0.0",
    health: HealthCheck | None = None,
    before_scrape: BeforeScrape | None = None,
) -> MetricsServer:
    """Start serving; port 0 picks a free one (see ``MetricsServer.port``)."""
    app = web.Application()
    app.router.add_get("/healthz", _healthz(health))
    app.router.add_get("/metrics", _metrics(metrics, before_scrape))
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = int(runner.addresses[0][1])
    log.info("metrics on http://%s:%s/metrics", host, bound)
    return MetricsServer(runner, bound)


def _healthz(health: HealthCheck | None) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def handle(_: web.Request) -> web.Response:
        try:
            healthy = health is None or await health()
        except Exception:
            log.exception("health check failed")
            healthy = False
        return web.Response(
            text="ok\n" if healthy else "unhealthy\n", status=200 if healthy else 503
        )

    return handle


def _metrics(
    metrics: Metrics, before_scrape: BeforeScrape | None
) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def handle(_: web.Request) -> web.Response:
        if before_scrape is not None:
            try:
                await before_scrape()
            except Exception:
                log.exception("could not refresh gauges before a scrape")
        return web.Response(body=metrics.render(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    return handle
