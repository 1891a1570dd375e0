"""Running the dispatcher: long polling, or a webhook server; both stop cleanly on SIGTERM."""

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from aiogram import Bot, Dispatcher

from bot.config import BotConfig
from bot.middlewares import InFlight

if TYPE_CHECKING:
    from aiohttp import web

log = logging.getLogger(__name__)


async def run_polling(
    bot: Bot, dispatcher: Dispatcher, in_flight: InFlight, config: BotConfig
) -> None:
    await bot.delete_webhook(drop_pending_updates=False)
    await dispatcher.start_polling(bot, handle_signals=True, close_bot_session=False)
    await _drain(in_flight, config)


async def run_webhook(
    bot: Bot, dispatcher: Dispatcher, in_flight: InFlight, config: BotConfig
) -> None:
    """Telegram POSTs updates; each is answered after it is handled, so a failure is retried.

    The update types are the ones the routers handle (``poll_answer`` among them), as
    polling asks for them; Telegram would otherwise keep whatever list was set last."""
    # The web server is imported here: a polling bot does without it (1.6 MB resident).
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
    from aiohttp import web

    assert config.webhook_url is not None
    app = web.Application()
    handler = SimpleRequestHandler(
        dispatcher, bot, handle_in_background=False, secret_token=config.webhook_secret
    )
    handler.register(app, path=config.webhook_path)
    setup_application(app, dispatcher, bot=bot)
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, config.webhook_host, config.webhook_port)
    await site.start()
    await bot.set_webhook(
        config.webhook_url,
        secret_token=config.webhook_secret,
        max_connections=config.webhook_max_connections,
        allowed_updates=dispatcher.resolve_used_update_types(),
        drop_pending_updates=False,
    )
    log.info("webhook server listening on %s:%s", config.webhook_host, config.webhook_port)
    await _until_signalled()
    await site.stop()
    _close_kept_alive_connections(runner)
    await _drain(in_flight, config)
    await runner.cleanup()


def _close_kept_alive_connections(runner: "web.AppRunner") -> None:
    """Each connection closes once its current update is answered, so no new update reaches a
    stopping bot through a kept-alive connection: Telegram (or a balancer) sends it elsewhere
    or again later, and the updates in flight can drain within the grace."""
    if runner.server is not None:
        runner.server.pre_shutdown()


async def _until_signalled() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()
    log.info("stopping: waiting for updates in flight")


async def _drain(in_flight: InFlight, config: BotConfig) -> None:
    try:
        async with asyncio.timeout(config.shutdown_grace_seconds):
            await in_flight.drained()
    except TimeoutError:
        log.warning("%d updates were still in flight at shutdown", in_flight.count)


Runner = Callable[[Bot, Dispatcher, InFlight, BotConfig], Awaitable[None]]
