"""Application scope for the bot: the aiogram Bot and the dispatcher, wired to the database."""

from bot.client import create_bot
from bot.config import BotConfig
from bot.dispatcher import build_dispatcher
from bot.runner import run_polling, run_webhook
from infrastructure.settings import Settings
from learnbot.app import Application
from learnbot.monitoring import serve_metrics


def bot_config(settings: Settings) -> BotConfig:
    secret = settings.webhook_secret
    return BotConfig(
        admin_ids=settings.admin_ids,
        default_timezone=settings.default_timezone,
        webhook_url=settings.webhook_url,
        webhook_secret=None if secret is None else secret.get_secret_value(),
        webhook_host=settings.webhook_host,
        webhook_port=settings.webhook_port,
        webhook_path=settings.webhook_path,
        webhook_max_connections=min(settings.db_pool_size + settings.db_max_overflow, 100),
        throttle_actions=settings.throttle_actions,
        throttle_window_seconds=settings.throttle_window_seconds,
    )


async def serve(learnbot: Application, token: str, api_url: str | None) -> None:
    """Run until SIGTERM or SIGINT: webhook mode when WEBHOOK_URL is set, else polling."""
    config = bot_config(learnbot.settings)
    metrics = learnbot.metrics
    dispatcher, in_flight = build_dispatcher(learnbot.unit_of_work, learnbot.clock, config, metrics)
    bot = create_bot(token, api_url)
    server = await serve_metrics(learnbot, metrics)
    try:
        runner = run_webhook if config.webhook_url else run_polling
        await runner(bot, dispatcher, in_flight, config)
    finally:
        await bot.session.close()
        if server is not None:
            await server.stop()
