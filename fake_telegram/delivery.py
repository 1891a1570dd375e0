"""Webhook mode: POST queued updates to the bot, retrying like Telegram.

With one webhook, updates go out one at a time. With replicas registered (the pool of a
load balancer behind the webhook's URL), they go out concurrently, round robin, up to
`max_connections` per replica; a failed attempt is retried on the next replica. A 2xx
reply confirms an update; anything else, or no answer, is recorded in getWebhookInfo and
retried after a growing delay, until `max_attempts` when the update is given up.
"""

import asyncio
import itertools

import aiohttp

from fake_telegram.state import FakeState, Webhook
from fake_telegram.updates import Pending
from fake_telegram.webhook_post import post_update


class WebhookDelivery:
    def __init__(self, state: FakeState, retry_delay: float, max_attempts: int) -> None:
        self.state = state
        self.retry_delay = retry_delay
        self.max_attempts = max_attempts
        self._turns = itertools.count()
        self._busy = 0

    async def run(self) -> None:
        timeout = aiohttp.ClientTimeout(total=60)
        async with aiohttp.ClientSession(timeout=timeout) as session, asyncio.TaskGroup() as tasks:
            while True:
                item = await self.state.changes.wait_for(self._next)
                item.delivered = True
                self._busy += 1
                delivery = self._deliver(session, self.state.webhook, item)
                if self.state.replicas:
                    tasks.create_task(delivery)
                else:
                    await delivery

    def _next(self) -> Pending | None:
        state = self.state
        if state.closing or not state.webhook.url:
            return None
        if self._busy >= state.webhook.max_connections * max(len(state.replicas), 1):
            return None
        return state.queue.first_undelivered()

    async def _deliver(self, session: aiohttp.ClientSession, hook: Webhook, item: Pending) -> None:
        """Counted busy from the moment `run` takes the item, before this task first runs."""
        try:
            await self._attempts(session, hook, item)
        finally:
            self._busy -= 1
            self.state.changes.pulse()

    async def _attempts(self, session: aiohttp.ClientSession, hook: Webhook, item: Pending) -> None:
        first_turn = next(self._turns)
        for attempt in range(self.max_attempts):
            url = self._target(hook, first_turn + attempt)
            failure = await post_update(self.state, session, hook, url, item.payload)
            if failure is None:
                self.state.deliveries.append((item.update_id, url))
                break
            hook.failed(failure)
            await asyncio.sleep(min(self.retry_delay * 2**attempt, 30.0))
            if self.state.webhook is not hook:
                item.delivered = False
                return
        if item in self.state.queue.pending:
            self.state.queue.done(item)

    def _target(self, hook: Webhook, turn: int) -> str:
        replicas = self.state.replicas
        return replicas[turn % len(replicas)] if replicas else hook.url
