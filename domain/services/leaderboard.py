"""The leaderboard's read side, and the one command that recomputes it."""

from domain.leaderboard import Board
from domain.ports import Clock, LeaderboardPorts


class LeaderboardService:
    def __init__(self, uow: LeaderboardPorts, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def board(self, user_id: int, top: int = 10, around: int = 2) -> Board:
        """The top of the cached board plus the learner's own entry and neighbours."""
        leaders = await self._uow.leaderboard.top(top)
        me = await self._uow.leaderboard.entry(user_id)
        around_me = [] if me is None else await self._uow.leaderboard.neighbours(me, around)
        return Board(top=leaders, me=me, around_me=around_me)

    async def refresh(self) -> int:
        """Recompute every rank in one transaction; readers see the old or the new board."""
        ranked = await self._uow.leaderboard_refresher.refresh(self._clock.now())
        await self._uow.commit()
        return ranked
