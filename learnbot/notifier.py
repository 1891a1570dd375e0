"""Telegram delivery outside an update: replies sent from the CLI reach learners this way."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError

from bot import client
from domain.enums import Delivery
from domain.ports import Notifier
from infrastructure.settings import Settings

log = logging.getLogger(__name__)


def create_bot(settings: Settings) -> Bot:
    """A Bot for BOT_TOKEN, talking to TELEGRAM_API_URL when a local Bot API server is used."""
    if settings.bot_token is None:
        raise ValueError("BOT_TOKEN is not set")
    return client.create_bot(settings.bot_token.get_secret_value(), settings.telegram_api_url)


class TelegramNotifier:
    """Sends through a Bot whose session retries 429 (see ``bot.client.create_bot``)."""

    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def send(self, telegram_id: int, text: str) -> bool:
        return await self.deliver(telegram_id, text) is Delivery.SENT

    async def deliver(self, telegram_id: int, text: str) -> Delivery:
        """A blocked bot, a deleted account or a network failure is reported, not raised.

        403 Forbidden means the learner blocked the bot (or is gone): writing again is futile.
        """
        try:
            await self._bot.send_message(telegram_id, text, parse_mode=None)
        except TelegramForbiddenError as error:
            log.info("%s blocked the bot: %s", telegram_id, error.message)
            return Delivery.BLOCKED
        except (TelegramAPIError, OSError, TimeoutError) as error:
            log.warning("could not deliver a message to %s: %s", telegram_id, error)
            return Delivery.FAILED
        return Delivery.SENT


class NoBot:
    """Stands in when BOT_TOKEN is unset: nothing can be delivered."""

    async def send(self, telegram_id: int, text: str) -> bool:
        return await self.deliver(telegram_id, text) is Delivery.SENT

    async def deliver(self, telegram_id: int, text: str) -> Delivery:
        log.warning("BOT_TOKEN is not set; nothing was sent to %s", telegram_id)
        return Delivery.FAILED


@asynccontextmanager
async def notifier(settings: Settings) -> AsyncIterator[Notifier]:
    """The notifier for one command; its HTTP session is closed on the way out."""
    if settings.bot_token is None:
        yield NoBot()
        return
    bot = create_bot(settings)
    try:
        yield TelegramNotifier(bot)
    finally:
        await bot.session.close()
