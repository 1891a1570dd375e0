"""Telegram allows about 30 messages a second to different chats; stay well under it."""

import asyncio
import time
from collections.abc import Awaitable, Callable

from domain.enums import Delivery
from domain.ports import Notifier

MESSAGES_PER_SECOND = 25


class RateLimiter:
    """Spaces calls ``1 / rate`` seconds apart; each caller reserves its slot before waiting,
    so concurrent callers cannot share one."""

    def __init__(
        self,
        rate: float = MESSAGES_PER_SECOND,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._interval = 1 / rate
        self._clock = clock
        self._sleep = sleep
        self._next_slot = float("-inf")

    async def wait(self) -> None:
        now = self._clock()
        slot = max(now, self._next_slot)
        self._next_slot = slot + self._interval
        if slot > now:
            await self._sleep(slot - now)


class ThrottledNotifier:
    """A notifier whose sends all pass one rate limiter."""

    def __init__(self, notifier: Notifier, limiter: RateLimiter) -> None:
        self._notifier = notifier
        self._limiter = limiter

    async def send(self, telegram_id: int, text: str) -> bool:
        return await self.deliver(telegram_id, text) is Delivery.SENT

    async def deliver(self, telegram_id: int, text: str) -> Delivery:
        await self._limiter.wait()
        return await self._notifier.deliver(telegram_id, text)
