"""Waiting for something outside the test's event loop (a server, a log file) by polling."""

import asyncio
from collections.abc import Awaitable, Callable

POLL_INTERVAL = 0.05


async def poll(check: Callable[[], Awaitable[bool]], *, timeout: float) -> None:  # noqa: ASYNC109
    """Until ``check()`` is true, asked every 50 ms; TimeoutError after ``timeout`` seconds.

    For what no event announces: a process accepting connections, a line in a file.
    """
    async with asyncio.timeout(timeout):
        while True:
            if await check():
                return
            await asyncio.sleep(POLL_INTERVAL)
