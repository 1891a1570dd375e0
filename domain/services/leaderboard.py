"""The leaderboard's read side, the privacy toggle, and the one command that recomputes it."""

from domain.leaderboard import Board, BoardKind, RefreshResult, week_start
from domain.ports import Clock, LeaderboardPorts


class LeaderboardService:
    def __init__(self, uow: LeaderboardPorts, clock: Clock, timezone: str = "UTC") -> None:
        self._uow = uow
        self._clock = clock
        self._timezone = timezone

    async def board(
        self, user_id: int, kind: BoardKind = BoardKind.ALL_TIME, top: int = 10, around: int = 2
    ) -> Board:
        """The top of the cached board plus the learner's own entry and neighbours."""
        return await self._uow.leaderboard.board(user_id, kind, top, around)

    async def set_hidden(self, user_id: int, hidden: bool) -> bool:
        """Takes effect on the next read: hidden learners are filtered out when others read."""
        changed = await self._uow.board_privacy.set_hidden(user_id, hidden)
        await self._uow.commit()
        return changed

    async def is_hidden(self, user_id: int) -> bool:
        return await self._uow.board_privacy.is_hidden(user_id)

    async def refresh(self) -> RefreshResult:
        """Recompute every rank in one transaction, unless another process is doing it.

        Readers see the old or the new board; the lock makes one refresh per tick across
        every replica, and a tick that finds it taken is skipped rather than queued.
        """
        now = self._clock.now()
        async with self._uow.refresh_lock.hold() as acquired:
            if not acquired:
                return RefreshResult(ranked=None)
            ranked = await self._uow.leaderboard_refresher.refresh(
                now, week_start(now, self._timezone)
            )
            await self._uow.commit()
        return RefreshResult(ranked=ranked)
