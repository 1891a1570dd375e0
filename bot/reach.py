"""Reaching the Bot API before serving: a network that is not up yet is waited for, a
little; a token Telegram refuses is not. Either way the operator reads one line that names
the server and what failed, never an aiohttp traceback."""

import asyncio
import logging

from aiogram import Bot
from aiogram.exceptions import (
    TelegramNetworkError,
    TelegramNotFound,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.utils.token import TokenValidationError, validate_token

PRODUCTION_URL = "https://api.telegram.org"
FIRST_DELAY = 1.0
LONGEST_DELAY = 15.0
log = logging.getLogger(__name__)


class BotApiUnusable(Exception):
    """The Bot API cannot serve this bot: unreachable for too long, or the token refused."""


def usable_token(token: str) -> str:
    """The token, if it has the shape of one; aiogram would refuse it with a traceback."""
    try:
        validate_token(token)
    except TokenValidationError as error:
        shape = "@BotFather gives one like 123456789:AAE1bC-dEfGh..."
        raise BotApiUnusable(f"BOT_TOKEN is not a bot token: {shape}") from error
    return token


async def reach_bot_api(bot: Bot, api_url: str | None, patience: float) -> None:
    """Asks the Bot API who the bot is until it answers, retrying network and server errors
    with a doubling delay for at most ``patience`` seconds."""
    server = api_url or PRODUCTION_URL
    deadline = asyncio.get_running_loop().time() + patience
    delay = FIRST_DELAY
    while True:
        try:
            await bot.get_me()
            return
        except (TelegramUnauthorizedError, TelegramNotFound) as error:
            refused = f"the Bot API at {server} refused BOT_TOKEN ({error.message})"
            raise BotApiUnusable(f"{refused}: take the token from @BotFather again") from error
        except (TelegramNetworkError, TelegramServerError) as error:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                gave_up = f"cannot reach the Bot API at {server}: {error.message}"
                raise BotApiUnusable(f"{gave_up} (gave up after {patience:g} s)") from error
            wait = min(delay, left)
            log.warning(
                "cannot reach the Bot API at %s: %s; retrying in %.0f s",
                server,
                error.message,
                wait,
            )
            await asyncio.sleep(wait)
            delay = min(delay * 2, LONGEST_DELAY)
