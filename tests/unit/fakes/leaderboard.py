from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime

from domain.leaderboard import Board, BoardKind, BoardTotals, LeaderboardEntry, visible_ranks

from .achievements import FakeTotalsReader
from .tables import Tables


class FakeLeaderboardReader:
    """Reads the cached board, in board order: rank, then user id; hidden learners only
    for themselves."""

    def __init__(self, tables: Tables) -> None:
        self._tables = tables

    async def top(self, limit: int, kind: BoardKind, viewer: int) -> list[LeaderboardEntry]:
        seen = [e for e in self._ordered(kind) if e.user_id not in self._tables.hidden - {viewer}]
        return seen[:limit]

    async def entry(self, user_id: int) -> LeaderboardEntry | None:
        return self._tables.board.get(user_id)

    async def board(self, viewer: int, kind: BoardKind, top: int, around: int) -> Board:
        me = await self.entry(viewer)
        return Board(
            top=await self.top(top, kind, viewer),
            me=me,
            around_me=[] if me is None else self._neighbours(me, around, kind),
            kind=kind,
        )

    def _neighbours(
        self, entry: LeaderboardEntry, count: int, kind: BoardKind
    ) -> list[LeaderboardEntry]:
        key = (entry.place(kind), entry.user_id)
        others = [e for e in self._ordered(kind) if e.user_id not in self._tables.hidden]
        above = [e for e in others if (e.place(kind), e.user_id) < key]
        below = [e for e in others if (e.place(kind), e.user_id) > key]
        return [*above[-count:], *below[:count]] if count else []

    def _ordered(self, kind: BoardKind) -> list[LeaderboardEntry]:
        return sorted(self._tables.board.values(), key=lambda e: (e.place(kind), e.user_id))


class FakeLeaderboardRefresher:
    """Ranks every active learner with the domain's rule, replacing the board whole.

    It keeps no totals, so it counts from the rows every time; ``recounts`` says whether
    each refresh was asked to recount everyone.
    """

    def __init__(self, tables: Tables, totals: FakeTotalsReader) -> None:
        self._tables = tables
        self._totals = totals
        self.recounts: list[bool] = []

    async def refresh(self, now: datetime, week_start: datetime, recount_all: bool = False) -> int:
        self.recounts.append(recount_all)
        learners = [learner for learner in self._tables.learners.values() if learner.is_active]
        standings = {learner.id: await self._standing(learner.id) for learner in learners}
        weekly = {user_id: await self._weekly(user_id, week_start) for user_id in standings}
        totals = {user_id: standing.total_score for user_id, standing in standings.items()}
        ranks = visible_ranks(totals, self._tables.hidden)
        weekly_ranks = visible_ranks(weekly, self._tables.hidden)
        self._tables.board = {
            user_id: LeaderboardEntry(
                user_id=user_id,
                rank=ranks[user_id],
                total_score=standing.total_score,
                lessons_completed=standing.lessons_completed,
                achievements_count=standing.achievements_count,
                name=self._tables.learners[user_id].display_name,
                updated_at=now,
                weekly_rank=weekly_ranks[user_id],
                weekly_score=weekly[user_id],
            )
            for user_id, standing in standings.items()
        }
        return len(self._tables.board)

    async def _standing(self, user_id: int) -> BoardTotals:
        totals = await self._totals.totals(user_id)
        achievements = await self._totals.achievements_count(user_id)
        return BoardTotals(user_id, totals.total_score, totals.lessons_completed, achievements)

    async def _weekly(self, user_id: int, week_start: datetime) -> int:
        """The points earned since the week started: domain.totals' rule, as SQL's."""
        return await self._totals.points_since(user_id, week_start)


class FakeRefreshLock:
    """A lock another process may be holding for longer than anyone waits: set
    ``held_elsewhere`` to make ticks skip. ``waits`` keeps how long each caller would wait.
    """

    def __init__(self) -> None:
        self.held_elsewhere = False
        self.waits: list[float] = []

    @asynccontextmanager
    async def hold(self, wait_seconds: float = 0) -> AsyncIterator[bool]:
        self.waits.append(wait_seconds)
        yield not self.held_elsewhere


class FakeBoardPrivacy:
    def __init__(self, tables: Tables) -> None:
        self._tables = tables

    async def set_hidden(self, user_id: int, hidden: bool) -> bool:
        if user_id not in self._tables.learners:
            return False
        (self._tables.hidden.add if hidden else self._tables.hidden.discard)(user_id)
        return True

    async def is_hidden(self, user_id: int) -> bool:
        return user_id in self._tables.hidden
