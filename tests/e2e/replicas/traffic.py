"""Every update the crowd sends goes through here: counted, sometimes replayed, waited for."""

import asyncio
import random
from dataclasses import dataclass, field

from fake_telegram import FakeTelegram

DELIVERY_TIMEOUT = 120.0


@dataclass
class Traffic:
    """Counts updates against a budget; replays some answers with the same update_id.

    A replay either joins its original in the queue (both replicas may hold it at once)
    or follows once the original was handled, as Telegram re-sends after a lost reply.
    """

    fake: FakeTelegram
    budget: int
    replay_rate: float = 0.06
    twin_rate: float = 0.04
    updates: int = 0
    replays: int = 0
    twin_replays: int = 0
    refused: int = 0
    _milestones: list[tuple[int, asyncio.Event]] = field(default_factory=list)

    @property
    def spent(self) -> bool:
        return self.updates >= self.budget

    def milestone(self, updates: int) -> asyncio.Event:
        """Set once `updates` updates have been handled."""
        event = asyncio.Event()
        self._milestones.append((updates, event))
        return event

    async def send(self, update_id: int) -> None:
        self.count(1)
        await self.fake.wait_until_delivered(update_id, timeout=DELIVERY_TIMEOUT)

    async def answer(self, update_id: int, rng: random.Random) -> None:
        roll = rng.random()
        if roll < self.twin_rate:
            self.fake.replay(update_id)
            self.twin_replays += 1
            self.count(1)
        await self.send(update_id)
        if self.twin_rate <= roll < self.twin_rate + self.replay_rate:
            self.fake.replay(update_id)
            self.replays += 1
            await self.send(update_id)

    def count(self, updates: int) -> None:
        self.updates += updates
        for threshold, event in self._milestones:
            if self.updates >= threshold:
                event.set()
