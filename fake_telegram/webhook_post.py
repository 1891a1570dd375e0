"""One webhook request: the update POSTed with the secret header, and the reply's method run."""

from typing import Any

import aiohttp

from fake_telegram.server import execute
from fake_telegram.state import FakeState, Webhook

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


async def post_update(
    state: FakeState,
    session: aiohttp.ClientSession,
    hook: Webhook,
    url: str,
    payload: dict[str, Any],
) -> str | None:
    """None when the bot took the update, else the reason for getWebhookInfo."""
    headers = {SECRET_HEADER: hook.secret_token} if hook.secret_token else {}
    state.posting[url] += 1
    state.changes.pulse()
    try:
        async with session.post(url, json=payload, headers=headers) as response:
            if not 200 <= response.status < 300:
                return f"Wrong response from the webhook: {response.status} {response.reason}"
            await _run_reply(state, hook, response)
    except (aiohttp.ClientError, TimeoutError) as error:
        return f"Connection failed: {error}"
    finally:
        state.posting[url] -= 1
    return None


async def _run_reply(state: FakeState, hook: Webhook, response: aiohttp.ClientResponse) -> None:
    """A webhook may answer with one method call (aiogram does so in the foreground)."""
    fields = await _reply_fields(response)
    method = fields.pop("method", None)
    if isinstance(method, str):
        await execute(state, hook.token, method, fields)


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
