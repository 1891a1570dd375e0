"""Observability wired to the application: logging from settings, metrics with live gauges."""

from typing import TYPE_CHECKING

import sqlalchemy as sa

from domain.services import StatsService
from infrastructure.observability import Metrics
from learnbot.app import Application

if TYPE_CHECKING:
    from infrastructure.observability.server import MetricsServer


async def serve_metrics(
    learnbot: Application, metrics: Metrics, *, host: str = "0.0.0.0", port: int | None = None
) -> "MetricsServer | None":
    """Serve /healthz and /metrics on METRICS_PORT (or ``port``); None when it is unset."""
    port = learnbot.settings.metrics_port if port is None else port
    if port is None:
        return None
    from infrastructure.observability.server import start_metrics_server  # aiohttp.web: 1.6 MB

    async def database_answers() -> bool:
        async with learnbot.engine.connect() as connection:
            return bool(await connection.scalar(sa.text("SELECT 1")) == 1)

    async def count_learners() -> None:
        async with learnbot.unit_of_work() as uow:
            timezone = learnbot.settings.default_timezone
            metrics.set_learners(await StatsService(uow, learnbot.clock, timezone).learner_counts())

    return await start_metrics_server(
        port, metrics, host=host, health=database_answers, before_scrape=count_learners
    )
