from dataclasses import replace
from uuid import UUID

from domain.enums import Delivery, InboxStatus
from domain.inbox import InboxMessage

from .tables import Tables


class FakeInbox:
    def __init__(self, tables: Tables) -> None:
        self._tables = tables

    async def add(self, message: InboxMessage) -> None:
        assert message.id not in self._tables.inbox, "primary key violation"
        self._tables.inbox[message.id] = message

    async def get(self, message_id: UUID) -> InboxMessage | None:
        message = self._tables.inbox.get(message_id)
        return message if message is not None and message.is_active else None

    async def listed(self, status: InboxStatus | None, limit: int) -> list[InboxMessage]:
        rows = [row for row in self._ordered() if row.is_active]
        return [row for row in rows if status in {None, row.status}][:limit]

    async def of_learner(self, user_id: int) -> list[InboxMessage]:
        return [row for row in self._ordered() if row.user_id == user_id]

    async def save(self, message: InboxMessage) -> None:
        stored = self._tables.inbox[message.id]
        self._tables.inbox[message.id] = replace(
            stored, status=message.status, reply=message.reply, replied_at=message.replied_at
        )

    async def clear(self, user_id: int) -> int:
        mine = [row for row in self._tables.inbox.values() if row.user_id == user_id]
        active = [row for row in mine if row.is_active]
        for row in active:
            self._tables.inbox[row.id] = replace(row, is_active=False)
        return len(active)

    async def counts(self) -> dict[InboxStatus, int]:
        counts: dict[InboxStatus, int] = {}
        for row in self._tables.inbox.values():
            if row.is_active:
                counts[row.status] = counts.get(row.status, 0) + 1
        return counts

    def _ordered(self) -> list[InboxMessage]:
        return sorted(self._tables.inbox.values(), key=lambda row: (row.created_at, str(row.id)))


class FakeNotifier:
    """Records what was sent; ``reachable`` False plays a network failure, ``blocked`` holds
    the Telegram ids of learners who blocked the bot."""

    def __init__(self, reachable: bool = True, blocked: frozenset[int] = frozenset()) -> None:
        self.reachable = reachable
        self.blocked = blocked
        self.sent: list[tuple[int, str]] = []

    async def send(self, telegram_id: int, text: str) -> bool:
        return await self.deliver(telegram_id, text) is Delivery.SENT

    async def deliver(self, telegram_id: int, text: str) -> Delivery:
        if telegram_id in self.blocked:
            return Delivery.BLOCKED
        if not self.reachable:
            return Delivery.FAILED
        self.sent.append((telegram_id, text))
        return Delivery.SENT
