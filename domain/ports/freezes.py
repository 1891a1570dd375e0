from collections.abc import Sequence
from datetime import date
from typing import Protocol

from domain.freezes import FreezeLedger


class FreezeStore(Protocol):
    """Streak freezes earned and spent, one fact per learner, day and kind."""

    async def ledger(self, user_id: int) -> FreezeLedger: ...

    async def spend(self, user_id: int, days: Sequence[date]) -> None:
        """Record freezes spent on ``days``; a day already recorded stays as it is."""
        ...

    async def earn(self, user_id: int, day: date) -> bool:
        """Record a freeze earned on ``day``; True only for the call that recorded it."""
        ...

    async def reward(self, user_id: int, day: date, achievement_id: int) -> bool:
        """Record the freeze an achievement brought; True only for the call that recorded it."""
        ...

    async def tell(self, user_id: int) -> tuple[date, ...]:
        """The frozen days the learner has not been told of, now marked told: each day is
        returned to one call only."""
        ...
