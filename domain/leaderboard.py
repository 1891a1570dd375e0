"""The leaderboard's rule: competition ranking of learners by total score."""

from bisect import bisect_right
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

from domain.streaks import zone


class BoardKind(StrEnum):
    """Which board a learner looks at: points of all time, or points earned this week."""

    ALL_TIME = "all_time"
    WEEK = "week"


@dataclass(frozen=True, slots=True)
class BoardTotals:
    """A learner's totals before ranking."""

    user_id: int
    total_score: int
    lessons_completed: int
    achievements_count: int


@dataclass(frozen=True, slots=True)
class LeaderboardEntry:
    user_id: int
    rank: int
    total_score: int
    lessons_completed: int
    achievements_count: int
    name: str
    updated_at: datetime
    weekly_rank: int = 0
    weekly_score: int = 0

    def place(self, kind: BoardKind) -> int:
        return self.weekly_rank if kind is BoardKind.WEEK else self.rank

    def points(self, kind: BoardKind) -> int:
        return self.weekly_score if kind is BoardKind.WEEK else self.total_score


@dataclass(frozen=True, slots=True)
class Board:
    """What a learner sees: the top, and their own place with neighbours."""

    top: Sequence[LeaderboardEntry]
    me: LeaderboardEntry | None
    around_me: Sequence[LeaderboardEntry]
    kind: BoardKind = BoardKind.ALL_TIME


@dataclass(frozen=True, slots=True)
class RefreshResult:
    """One scheduler tick: ``ranked`` learners, or ``None`` when another process held the lock."""

    ranked: int | None

    @property
    def skipped(self) -> bool:
        return self.ranked is None


def visible_ranks(scores: Mapping[int, int], hidden: Set[int]) -> dict[int, int]:
    """Competition ranks among visible learners; a hidden one gets the rank they would have.

    Rank = 1 + visible learners with a strictly higher score, so ties share a rank, the
    next rank skips, and hiding never leaves a gap in what others see.
    """
    visible = sorted((score for user_id, score in scores.items() if user_id not in hidden))
    return {
        user_id: 1 + len(visible) - bisect_right(visible, score)
        for user_id, score in scores.items()
    }


def week_start(now: datetime, timezone: str) -> datetime:
    """Monday 00:00 of ``now``'s week in ``timezone``: where the weekly board starts counting."""
    local = now.astimezone(zone(timezone))
    monday = local.date() - timedelta(days=local.weekday())
    return datetime.combine(monday, time(), tzinfo=local.tzinfo)


def competition_ranks(standings: Sequence[BoardTotals]) -> list[tuple[BoardTotals, int]]:
    """Rank by total score, ties share a rank and the next rank skips (1, 2, 2, 4)."""
    ordered = sorted(standings, key=lambda standing: (-standing.total_score, standing.user_id))
    ranked: list[tuple[BoardTotals, int]] = []
    for position, standing in enumerate(ordered, start=1):
        tied = ranked and ranked[-1][0].total_score == standing.total_score
        ranked.append((standing, ranked[-1][1] if tied else position))
    return ranked
