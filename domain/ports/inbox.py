from typing import Protocol
from uuid import UUID

from domain.enums import Delivery, InboxStatus
from domain.inbox import InboxMessage


class InboxRepository(Protocol):
    async def add(self, message: InboxMessage) -> None: ...

    async def get(self, message_id: UUID) -> InboxMessage | None:
        """An active message only: what a learner cleared is gone for admins too."""
        ...

    async def listed(self, status: InboxStatus | None, limit: int) -> list[InboxMessage]:
        """Active messages, oldest first, so the longest-waiting question is answered first."""
        ...

    async def of_learner(self, user_id: int) -> list[InboxMessage]:
        """Every message of the learner, cleared ones included, oldest first."""
        ...

    async def save(self, message: InboxMessage) -> None:
        """Store status, reply and reply time."""
        ...

    async def clear(self, user_id: int) -> int:
        """Soft-delete the learner's active messages; returns how many."""
        ...

    async def counts(self) -> dict[InboxStatus, int]:
        """Active messages per status."""
        ...


class Notifier(Protocol):
    """Sends a text to a Telegram user outside an update (a reply from the CLI, say)."""

    async def send(self, telegram_id: int, text: str) -> bool:
        """True when Telegram accepted the message; False when it could not be delivered."""
        ...

    async def deliver(self, telegram_id: int, text: str) -> Delivery:
        """Like ``send``, telling a learner who blocked the bot from a failure worth retrying."""
        ...
