"""Getting updates: long polling, and switching to and from a webhook."""

import asyncio
from typing import Any

from fake_telegram.errors import conflict
from fake_telegram.state import Call, Webhook

MAX_LIMIT = 100


async def get_updates(call: Call) -> Any:
    """Confirms by offset, answers at once when updates wait, else waits up to `timeout`."""
    state, params = call.state, call.params
    if state.webhook.url:
        raise conflict(
            "can't use getUpdates method while webhook is active; "
            "use deleteWebhook to delete the webhook first"
        )
    state.queue.confirm(params.number("offset"))
    state.changes.pulse()
    limit = min(max(params.number("limit", MAX_LIMIT) or MAX_LIMIT, 1), MAX_LIMIT)
    timeout = max(params.number("timeout", 0) or 0, 0)
    state.pollers += 1
    state.changes.pulse()
    try:
        async with asyncio.timeout(timeout):
            await state.changes.wait_for(lambda: state.queue.pending or state.closing)
    except TimeoutError:
        return []
    finally:
        state.pollers -= 1
    return state.queue.take(limit)


async def set_webhook(call: Call) -> Any:
    url = call.params.text("url") or ""
    if call.params.flag("drop_pending_updates"):
        call.state.queue.drop()
    call.state.webhook = Webhook(
        url=url,
        token=call.token,
        secret_token=call.params.text("secret_token"),
        max_connections=call.params.number("max_connections", 40) or 40,
        allowed_updates=call.params.obj("allowed_updates"),
    )
    call.state.changes.pulse()
    return True


async def delete_webhook(call: Call) -> Any:
    if call.params.flag("drop_pending_updates"):
        call.state.queue.drop()
    call.state.webhook = Webhook()
    call.state.changes.pulse()
    return True


async def get_webhook_info(call: Call) -> Any:
    return call.state.webhook.to_json(len(call.state.queue.pending))
