from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import Protocol

from domain.leaderboard import BoardKind, LeaderboardEntry


class LeaderboardReader(Protocol):
    """Reads the precomputed board only; never recomputes on the request path.

    Learners who hide from the board are left out of what others see; ``viewer`` always
    sees themselves.
    """

    async def top(self, limit: int, kind: BoardKind, viewer: int) -> list[LeaderboardEntry]: ...

    async def entry(self, user_id: int) -> LeaderboardEntry | None: ...

    async def neighbours(
        self, entry: LeaderboardEntry, count: int, kind: BoardKind
    ) -> list[LeaderboardEntry]:
        """Up to ``count`` visible entries just above and just below ``entry``, in board order."""
        ...


class LeaderboardRefresher(Protocol):
    async def refresh(self, now: datetime, week_start: datetime) -> int:
        """Recompute the whole board at once; returns how many learners it ranks."""
        ...


class RefreshLock(Protocol):
    """One refresh at a time across every process that shares the database."""

    def hold(self) -> AbstractAsyncContextManager[bool]:
        """Try once, never wait: yields whether this process may refresh now."""
        ...


class BoardPrivacy(Protocol):
    async def set_hidden(self, user_id: int, hidden: bool) -> bool:
        """Hide the learner from other learners' boards, or show them again."""
        ...

    async def is_hidden(self, user_id: int) -> bool: ...
