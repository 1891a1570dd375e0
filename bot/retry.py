"""Telegram's flood control: wait as long as it asks, a few times, then give up loudly."""

import asyncio
import logging
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import GetUpdates, Response, TelegramMethod

log = logging.getLogger(__name__)


class RetryAfter(BaseRequestMiddleware):
    """Retries a request refused with 429 after ``retry_after`` seconds, up to ``attempts``."""

    def __init__(self, attempts: int = 3, longest_wait: float = 30.0) -> None:
        self._attempts = attempts
        self._longest_wait = longest_wait

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[Any],
        bot: Bot,
        method: TelegramMethod[Any],
    ) -> Response[Any]:
        for attempt in range(1, self._attempts + 1):
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as error:
                wait = error.retry_after
                if (
                    attempt == self._attempts
                    or wait > self._longest_wait
                    or isinstance(method, GetUpdates)
                ):
                    raise
                log.warning("flood control on %s: retrying in %s s", type(method).__name__, wait)
                await asyncio.sleep(wait)
        raise AssertionError("unreachable: the last attempt returns or raises")
