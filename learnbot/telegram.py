"""Application scope for the bot: the aiogram Bot and the dispatcher, wired to the database."""

import asyncio
from contextlib import suppress

from aiogram import Bot

from bot.client import create_bot
from bot.config import BotConfig
from bot.dispatcher import build_dispatcher
from bot.reach import reach_bot_api, usable_token
from bot.runner import run_polling, run_webhook
from infrastructure.review import FsrsScheduler
from infrastructure.settings import Settings
from learnbot import heap
from learnbot.app import Application
from learnbot.monitoring import serve_metrics


def bot_config(settings: Settings) -> BotConfig:
    secret = settings.webhook_secret
    return BotConfig(
        admin_ids=settings.admin_ids,
        default_timezone=settings.default_timezone,
        levels=settings.levels(),
        freezes=settings.freezes(),
        leagues=settings.leagues(),
        review_scheduler=FsrsScheduler(settings.review_retention),
        review_rules=settings.review_rules(),
        webhook_url=settings.webhook_url,
        webhook_secret=None if secret is None else secret.get_secret_value(),
        webhook_host=settings.webhook_host,
        webhook_port=settings.webhook_port,
        webhook_path=settings.webhook_path,
        webhook_max_connections=min(settings.db_pool_size + settings.db_max_overflow, 100),
        throttle_actions=settings.throttle_actions,
        throttle_window_seconds=settings.throttle_window_seconds,
    )


async def serve(learnbot: Application, token: str, api_url: str | None, with_jobs: bool) -> None:
    """Run until SIGTERM or SIGINT: webhook mode when WEBHOOK_URL is set, else polling; the
    scheduled jobs too unless ``with_jobs`` is False.

    The Bot API is reached first, and only then is anything started: BotApiUnusable is
    raised when it refuses the token or stays out of reach for TELEGRAM_RETRY_SECONDS.
    """
    bot = create_bot(usable_token(token), api_url)
    try:
        await reach_bot_api(bot, api_url, learnbot.settings.telegram_retry_seconds)
        jobs = learnbot.scheduler() if with_jobs else None
        if jobs is not None:
            jobs.start()
        try:
            await _serve_updates(learnbot, bot)
        finally:
            if jobs is not None:
                await jobs.shutdown()
    finally:
        await bot.session.close()


async def _serve_updates(learnbot: Application, bot: Bot) -> None:
    config = bot_config(learnbot.settings)
    metrics = learnbot.metrics
    dispatcher, in_flight = build_dispatcher(learnbot.unit_of_work, learnbot.clock, config, metrics)
    server = await serve_metrics(learnbot, metrics)
    heap.settle()
    trimming = _trimming(learnbot.settings.memory_trim_seconds)
    try:
        runner = run_webhook if config.webhook_url else run_polling
        await runner(bot, dispatcher, in_flight, config)
    finally:
        if trimming is not None:
            trimming.cancel()
            with suppress(asyncio.CancelledError):
                await trimming
        if server is not None:
            await server.stop()


def _trimming(every_seconds: float) -> "asyncio.Task[None] | None":
    if every_seconds <= 0:
        return None
    return asyncio.create_task(heap.keep_trimmed(every_seconds), name="memory trim")
