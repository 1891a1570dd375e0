from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import Protocol

from domain.leaderboard import Board, BoardKind, LeaderboardEntry


class LeaderboardReader(Protocol):
    """Reads the precomputed board only; never recomputes on the request path.

    Learners who hide from the board are left out of what others see; ``viewer`` always
    sees themselves.
    """

    async def top(self, limit: int, kind: BoardKind, viewer: int) -> list[LeaderboardEntry]: ...

    async def entry(self, user_id: int) -> LeaderboardEntry | None: ...

    async def board(self, viewer: int, kind: BoardKind, top: int, around: int) -> Board:
        """The first ``top`` entries, the viewer's own entry, and up to ``around`` visible
        entries just above and just below it, in board order, read at one moment: the
        read behind every /top, so an adapter answers it in one round trip."""
        ...


class LeaderboardRefresher(Protocol):
    async def refresh(self, now: datetime, week_start: datetime, recount_all: bool = False) -> int:
        """Recompute the whole board at once; returns how many learners it ranks.

        The totals it ranks from are first recounted for the learners whose writes marked
        them as changed, or with ``recount_all`` for every learner, from all their rows.
        """
        ...


class RefreshLock(Protocol):
    """One holder at a time across every process that shares the database."""

    def hold(self, wait_seconds: float = 0) -> AbstractAsyncContextManager[bool]:
        """Yields whether this process holds the lock: tried once by default, or again
        and again for up to ``wait_seconds`` while another process holds it."""
        ...


class BoardPrivacy(Protocol):
    async def set_hidden(self, user_id: int, hidden: bool) -> bool:
        """Hide the learner from other learners' boards, or show them again."""
        ...

    async def is_hidden(self, user_id: int) -> bool: ...
