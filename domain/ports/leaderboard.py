from datetime import datetime
from typing import Protocol

from domain.leaderboard import LeaderboardEntry


class LeaderboardReader(Protocol):
    """Reads the precomputed board only; never recomputes on the request path."""

    async def top(self, limit: int) -> list[LeaderboardEntry]: ...

    async def entry(self, user_id: int) -> LeaderboardEntry | None: ...

    async def neighbours(self, entry: LeaderboardEntry, count: int) -> list[LeaderboardEntry]:
        """Up to ``count`` entries just above and just below ``entry``, in board order."""
        ...


class LeaderboardRefresher(Protocol):
    async def refresh(self, now: datetime) -> int:
        """Recompute the whole board at once; returns how many learners it ranks."""
        ...
