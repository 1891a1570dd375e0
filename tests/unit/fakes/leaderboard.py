from datetime import datetime

from domain.leaderboard import LeaderboardEntry, Standing, competition_ranks

from .achievements import FakeTotalsReader
from .tables import Tables


class FakeLeaderboardReader:
    """Reads the cached board, in board order: rank, then user id."""

    def __init__(self, tables: Tables) -> None:
        self._tables = tables

    async def top(self, limit: int) -> list[LeaderboardEntry]:
        return self._ordered()[:limit]

    async def entry(self, user_id: int) -> LeaderboardEntry | None:
        return self._tables.board.get(user_id)

    async def neighbours(self, entry: LeaderboardEntry, count: int) -> list[LeaderboardEntry]:
        ordered = self._ordered()
        position = ordered.index(entry)
        return [*ordered[max(0, position - count) : position], *ordered[position + 1 :][:count]]

    def _ordered(self) -> list[LeaderboardEntry]:
        return sorted(self._tables.board.values(), key=lambda entry: (entry.rank, entry.user_id))


class FakeLeaderboardRefresher:
    """Ranks every active learner with the domain's rule, replacing the board whole."""

    def __init__(self, tables: Tables, totals: FakeTotalsReader) -> None:
        self._tables = tables
        self._totals = totals

    async def refresh(self, now: datetime) -> int:
        learners = [learner for learner in self._tables.learners.values() if learner.is_active]
        standings = [await self._standing(learner.id) for learner in learners]
        self._tables.board = {
            standing.user_id: LeaderboardEntry(
                user_id=standing.user_id,
                rank=rank,
                total_score=standing.total_score,
                lessons_completed=standing.lessons_completed,
                achievements_count=standing.achievements_count,
                name=self._tables.learners[standing.user_id].display_name,
                updated_at=now,
            )
            for standing, rank in competition_ranks(standings)
        }
        return len(self._tables.board)

    async def _standing(self, user_id: int) -> Standing:
        totals = await self._totals.totals(user_id)
        achievements = await self._totals.achievements_count(user_id)
        return Standing(user_id, totals.total_score, totals.lessons_completed, achievements)
