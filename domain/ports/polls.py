from typing import Protocol

from domain.polls import SentPoll


class PollStore(Protocol):
    """The quiz polls the bot sent, by Telegram's poll id."""

    async def add(self, poll: SentPoll) -> None:
        """Remember a poll just sent, inside the current transaction."""
        ...

    async def get(self, poll_id: str) -> SentPoll | None: ...
