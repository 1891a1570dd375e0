"""Waiting for the fake's state to change, without polling loops or sleeps."""

import asyncio
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Signal:
    """Wakes every waiter on each change; waiters re-check their own condition.

    `pulse` is synchronous so state changes made outside coroutines can announce themselves.
    """

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def pulse(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait_for(self, check: Callable[[], T | None]) -> T:
        """The first truthy `check()`, re-evaluated after every change; bound it with a timeout."""
        while not (result := check()):
            await self._event.wait()
        return result
