"""Test helpers that watch the bot: awaitable waits with timeouts, and the chats' contents."""

import asyncio

from fake_telegram.buttons import InlineButton, inline_buttons
from fake_telegram.calls import CallCheck, RecordedCall
from fake_telegram.messages import StoredMessage
from fake_telegram.state import FakeState


class Observe:
    state: FakeState

    def mark(self) -> int:
        """A position in the call log, to wait for calls made after it."""
        return len(self.state.log.calls)

    def calls(self, method: str | None = None) -> list[RecordedCall]:
        calls = self.state.log.calls
        return list(calls) if method is None else self.state.log.of(method)

    async def wait_for_call(
        self,
        method: str | None = None,
        check: CallCheck | None = None,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109
        since: int | None = None,
    ) -> RecordedCall:
        """The first matching call logged since `since`.

        By default `since` is the moment of the latest injected update, so "the reply to what
        the learner just did" is found even if it arrived before this wait began.
        """
        start = self.state.injected_at if since is None else since
        try:
            async with asyncio.timeout(timeout):
                return await self.state.changes.wait_for(
                    lambda: self.state.log.find(method, check, start)
                )
        except TimeoutError:
            seen = [
                f"{c.method}:{'ok' if c.ok else c.description}"
                for c in self.state.log.calls[start:]
            ]
            raise TimeoutError(f"no {method or 'call'} within {timeout}s; saw {seen}") from None

    async def wait_until_idle(self, *, timeout: float = 5.0, requests: bool = True) -> None:  # noqa: ASYNC109
        """Every injected update confirmed (polling) or delivered (webhook) and, with
        `requests`, no Bot API request half-served. A bot may still be working on an update
        it has confirmed; wait for its visible reply with `wait_for_call` when that matters.
        """
        async with asyncio.timeout(timeout):
            await self.state.changes.wait_for(lambda: self.state.idle(requests))

    async def wait_until_delivered(self, update_id: int, *, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Every queued copy of the update delivered (webhook) or confirmed (polling).

        In webhook mode a bot that answers after handling (aiogram in the foreground) has
        then finished with the update, its replies included.
        """
        copies = self.state.queue.copies(update_id)
        async with asyncio.timeout(timeout):
            for item in copies:
                await item.finished.wait()

    def deliveries(self) -> list[tuple[int, str]]:
        """(update_id, webhook URL) of every successful webhook delivery, in order."""
        return list(self.state.deliveries)

    async def wait_until_posting(self, url: str, *, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """A webhook request to `url` is waiting for the bot's answer: an update in flight there."""
        async with asyncio.timeout(timeout):
            await self.state.changes.wait_for(lambda: self.state.posting[url] > 0)

    async def wait_for_new_calls(self, since: int) -> None:
        """Until the log holds more than `since` calls; the caller bounds it if it must."""
        await self.state.changes.wait_for(lambda: len(self.state.log.calls) > since)

    async def wait_until_polling(self, *, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """A bot is waiting in getUpdates, so it has started and will see the next update."""
        async with asyncio.timeout(timeout):
            await self.state.changes.wait_for(lambda: self.state.pollers > 0)

    def messages(self, chat_id: int) -> list[StoredMessage]:
        return self.state.chats.in_chat(chat_id)

    def message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        return self.state.chats.get(chat_id, message_id)

    def last_bot_message(self, chat_id: int) -> StoredMessage | None:
        sent = [message for message in self.messages(chat_id) if message.from_bot]
        return sent[-1] if sent else None

    @staticmethod
    def inline_buttons(message: StoredMessage | None) -> list[list[InlineButton]]:
        return inline_buttons(message)
