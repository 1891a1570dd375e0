"""The leaderboard's read side, the privacy toggle, and the one command that recomputes it."""

from domain.leaderboard import Board, BoardKind, RefreshResult, week_start
from domain.ports import Clock, LeaderboardPorts
from domain.services.commits import under_the_lock


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
        return await self._uow.board_privacy.set_hidden(user_id, hidden)

    async def is_hidden(self, user_id: int) -> bool:
        return await self._uow.board_privacy.is_hidden(user_id)

    async def refresh(self) -> RefreshResult:
        """Recompute every rank in one transaction, unless another process is doing it.

        Readers see the old or the new board; the lock makes one refresh per tick across
        every replica, and a tick that finds it taken is skipped rather than queued. Only
        the totals that writes marked as changed are recounted.
        """
        return await self._refresh(recount_all=False, wait_seconds=0)

    async def refresh_fully(self, wait_seconds: float) -> RefreshResult:
        """Recount every learner's totals from all their rows, then rank, in one transaction.

        Repairs totals that a change made behind the adapters' back left stale (a data fix
        in SQL, an import, a restored backup), which no tick ever recounts. It is asked for
        rarely, so it waits up to ``wait_seconds`` for a refresh in progress rather than
        being lost to a tick.
        """
        return await self._refresh(recount_all=True, wait_seconds=wait_seconds)

    async def refresh_fully_on_schedule(self, wait_seconds: float) -> RefreshResult:
        """The scheduled full refresh, which every replica fires at the same moment: the
        first to claim it runs it, and the others skip instead of recounting again after it.
        """
        async with self._uow.full_refresh_claim.hold() as claimed:
            if not claimed:
                return RefreshResult(ranked=None)
            return await self.refresh_fully(wait_seconds)

    async def _refresh(self, recount_all: bool, wait_seconds: float) -> RefreshResult:
        async with self._uow.refresh_lock.hold(wait_seconds) as acquired:
            if not acquired:
                return RefreshResult(ranked=None)
            now = self._clock.now()
            week = week_start(now, self._timezone)
            refresher = self._uow.leaderboard_refresher
            ranked = await refresher.refresh(now, week, recount_all=recount_all)
            await under_the_lock(self._uow)
        return RefreshResult(ranked=ranked)
