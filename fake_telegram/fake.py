"""FakeTelegram: a Bot API server on loopback for end-to-end tests and the offline chat."""

import asyncio
import contextlib
import socket
from types import TracebackType
from typing import Self

from aiohttp import web

from fake_telegram.delivery import WebhookDelivery
from fake_telegram.inject import Inject
from fake_telegram.observe import Observe
from fake_telegram.server import build_app
from fake_telegram.state import FakeState


class FakeTelegram(Inject, Observe):
    """`async with FakeTelegram() as fake:` serves the Bot API at `fake.url` until the block ends.

    Point aiogram at it with `TelegramAPIServer.from_base(fake.url)`; any well-formed token
    works, and the bot's id is the token's number, as on Telegram.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        bot_name: str = "learnbot",
        bot_username: str = "learnbot_fake_bot",
        webhook_retry_delay: float = 0.05,
        webhook_attempts: int = 8,
    ) -> None:
        self.state = FakeState(bot_name=bot_name, bot_username=bot_username)
        self._address = (host, port)
        self._delivery = WebhookDelivery(self.state, webhook_retry_delay, webhook_attempts)
        self._runner: web.AppRunner | None = None
        self._delivery_task: asyncio.Task[None] | None = None
        self.url = ""

    def add_webhook_replica(self, url: str) -> None:
        """Deliver webhook updates to `url` too, as a load balancer in front of replicas would.

        Once a bot has set a webhook, its updates go round robin and concurrently to every
        registered replica (the URL given to setWebhook stands for the balancer); the token,
        the secret and `max_connections` (per replica) still come from setWebhook.
        """
        self.state.replicas.append(url)
        self.state.changes.pulse()

    async def start(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(self._address)
        self._runner = web.AppRunner(build_app(self.state), handler_cancellation=True)
        await self._runner.setup()
        await web.SockSite(self._runner, sock).start()
        host, port = sock.getsockname()[:2]
        self.url = f"http://{host}:{port}"
        self._delivery_task = asyncio.create_task(self._delivery.run(), name="fake-webhook")

    async def stop(self) -> None:
        """Long polls in progress return at once, so a bot still polling is not held up."""
        self.state.closing = True
        self.state.changes.pulse()
        if self._delivery_task is not None:
            self._delivery_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._delivery_task
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()
