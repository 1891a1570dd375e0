"""Webhook mode: POST each queued update to the bot, one at a time, retrying like Telegram.

A 2xx reply confirms the update; anything else, or no answer, is recorded in getWebhookInfo
and retried after a growing delay, until `max_attempts` when the update is given up.
"""

import asyncio
from typing import Any

import aiohttp

from bot.fake_api.server import execute
from bot.fake_api.state import FakeState, Webhook
from bot.fake_api.updates import Pending

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookDelivery:
    def __init__(self, state: FakeState, retry_delay: float, max_attempts: int) -> None:
        self.state = state
        self.retry_delay = retry_delay
        self.max_attempts = max_attempts

    async def run(self) -> None:
        timeout = aiohttp.ClientTimeout(total=60)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            while True:
                item = await self.state.changes.wait_for(self._next)
                await self._deliver(session, self.state.webhook, item)

    def _next(self) -> Pending | None:
        if self.state.closing or not self.state.webhook.url:
            return None
        return self.state.queue.first()

    async def _deliver(self, session: aiohttp.ClientSession, hook: Webhook, item: Pending) -> None:
        for attempt in range(self.max_attempts):
            failure = await self._post(session, hook, item.payload)
            if failure is None:
                break
            hook.failed(failure)
            await asyncio.sleep(min(self.retry_delay * 2**attempt, 30.0))
            if self.state.webhook is not hook:
                return
        if item in self.state.queue.pending:
            self.state.queue.done(item)
        self.state.changes.pulse()

    async def _post(
        self, session: aiohttp.ClientSession, hook: Webhook, payload: dict[str, Any]
    ) -> str | None:
        headers = {SECRET_HEADER: hook.secret_token} if hook.secret_token else {}
        try:
            async with session.post(hook.url, json=payload, headers=headers) as response:
                if not 200 <= response.status < 300:
                    return f"Wrong response from the webhook: {response.status} {response.reason}"
                await self._run_reply(hook, response)
        except (aiohttp.ClientError, TimeoutError) as error:
            return f"Connection failed: {error}"
        return None

    async def _run_reply(self, hook: Webhook, response: aiohttp.ClientResponse) -> None:
        """A webhook may answer with one method call (aiogram does so in the foreground)."""
        fields = await _reply_fields(response)
        method = fields.pop("method", None)
        if isinstance(method, str):
            await execute(self.state, hook.token, method, fields)


async def _reply_fields(response: aiohttp.ClientResponse) -> dict[str, Any]:
    if response.content_type == "application/json":
        body = await response.json()
        return body if isinstance(body, dict) else {}
    if response.content_type != "multipart/form-data":
        return {}
    fields: dict[str, Any] = {}
    reader = aiohttp.MultipartReader.from_response(response)
    while (part := await reader.next()) is not None:
        if isinstance(part, aiohttp.BodyPartReader) and part.name:
            fields[part.name] = await part.text()
    return fields
