"""A fake Telegram Bot API server on loopback: records sendMessage calls, or refuses them."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BLOCKED = {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}


@dataclass
class FakeBotApi:
    base_url: str = ""
    blocked: bool = False
    sent: list[dict[str, Any]] = field(default_factory=list)

    async def send_message(self, request: web.Request) -> web.Response:
        if self.blocked:
            return web.json_response(BLOCKED, status=403)
        payload = dict(await request.post())
        self.sent.append(payload | {"path": request.path})
        chat = {"id": int(payload["chat_id"]), "type": "private"}
        message = {"message_id": len(self.sent), "date": 0, "chat": chat, "text": payload["text"]}
        return web.json_response({"ok": True, "result": message})


@asynccontextmanager
async def fake_bot_api() -> AsyncIterator[FakeBotApi]:
    api = FakeBotApi()
    app = web.Application()
    app.router.add_post("/{bot}/sendMessage", api.send_message)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    api.base_url = f"http://127.0.0.1:{port}"
    try:
        yield api
    finally:
        await runner.cleanup()
