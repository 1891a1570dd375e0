from datetime import datetime
from typing import Protocol


class UpdateJournal(Protocol):
    """The Telegram updates already handled, so a re-delivered one is not handled twice."""

    async def claim(self, update_id: int, now: datetime) -> bool:
        """Record the update inside the current transaction; False if it was recorded before.

        Callers commit the claim together with the update's effects, so an update whose
        handling fails is not claimed and is handled again when Telegram re-delivers it.
        """
        ...

    async def forget_before(self, moment: datetime) -> int:
        """Drop claims older than ``moment``; Telegram re-delivers for a day at most."""
        ...
