from datetime import date, datetime
from typing import Protocol

from domain.reminders import ReminderCandidate


class ReminderReader(Protocol):
    async def candidates(self) -> list[ReminderCandidate]:
        """Active learners with reminders on and an hour set, with their last study day."""
        ...

    async def chosen_hour(self, user_id: int) -> int | None:
        """The learner's reminder hour, or None when reminders are off."""
        ...


class ReminderWriter(Protocol):
    async def claim(self, user_id: int, day: date) -> bool:
        """Record the reminder of ``day``; False when one was already recorded for it.

        Claimed before sending, so two overlapping runs can never both send it.
        """
        ...

    async def choose(self, user_id: int, hour: int | None, now: datetime) -> bool:
        """Reminders on at ``hour`` (local), or off when None; False for an unknown learner."""
        ...


class ReminderRepository(ReminderReader, ReminderWriter, Protocol):
    """Both roles over the users table, as the unit of work exposes them."""
