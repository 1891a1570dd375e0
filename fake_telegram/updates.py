"""The update queue: ids, confirmation by offset, and replays of updates already seen."""

import asyncio
import copy
from dataclasses import dataclass, field
from typing import Any


@dataclass(eq=False)
class Pending:
    """Compared by identity: a replay carries the same id and payload as its original."""

    update_id: int
    payload: dict[str, Any]
    delivered: bool = False
    finished: asyncio.Event = field(default_factory=asyncio.Event)


@dataclass
class UpdateQueue:
    """Updates wait here until the bot confirms them (getUpdates offset) or takes them (webhook).

    An update counts as confirmed by an offset only once it has been handed out, so a replayed
    update with an old id is still delivered to a bot whose offset has moved past it.
    """

    next_update_id: int = 1000
    pending: list[Pending] = field(default_factory=list)
    history: dict[int, dict[str, Any]] = field(default_factory=dict)

    def push(self, body: dict[str, Any]) -> int:
        """Queue a new update; `body` may carry its own update_id, otherwise one is assigned."""
        update_id = int(body.get("update_id", self.next_update_id))
        self.next_update_id = max(self.next_update_id, update_id + 1)
        payload = {**body, "update_id": update_id}
        self.history[update_id] = payload
        self.pending.append(Pending(update_id, payload))
        return update_id

    def replay(self, update_id: int) -> None:
        """Deliver an earlier update again, same id, as Telegram does after a lost response."""
        payload = copy.deepcopy(self.history[update_id])
        self.pending.append(Pending(update_id, payload))

    def confirm(self, offset: int | None) -> None:
        if offset is None:
            return
        for item in self.pending:
            if item.delivered and item.update_id < offset:
                item.finished.set()
        self.pending = [p for p in self.pending if not p.finished.is_set()]

    def take(self, limit: int) -> list[dict[str, Any]]:
        """A batch with rising ids, as Telegram sends: a client confirms with the last id + 1,
        so a replayed old id goes out in a batch of its own."""
        batch = self.pending[:1]
        for item in self.pending[1:limit]:
            if item.update_id <= batch[-1].update_id:
                break
            batch.append(item)
        for item in batch:
            item.delivered = True
        return [copy.deepcopy(item.payload) for item in batch]

    def first_undelivered(self) -> Pending | None:
        return next((item for item in self.pending if not item.delivered), None)

    def copies(self, update_id: int) -> list[Pending]:
        """The queued deliveries of one update: the original and any replays still waiting."""
        return [item for item in self.pending if item.update_id == update_id]

    def done(self, item: Pending) -> None:
        item.finished.set()
        self.pending.remove(item)

    def drop(self) -> None:
        for item in self.pending:
            item.finished.set()
        self.pending.clear()
