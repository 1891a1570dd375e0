"""The leaderboard's rule: competition ranking of learners by total score."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Standing:
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


@dataclass(frozen=True, slots=True)
class Board:
    """What a learner sees: the top, and their own place with neighbours."""

    top: Sequence[LeaderboardEntry]
    me: LeaderboardEntry | None
    around_me: Sequence[LeaderboardEntry]


def competition_ranks(standings: Sequence[Standing]) -> list[tuple[Standing, int]]:
    """Rank by total score, ties share a rank and the next rank skips (1, 2, 2, 4)."""
    ordered = sorted(standings, key=lambda standing: (-standing.total_score, standing.user_id))
    ranked: list[tuple[Standing, int]] = []
    for position, standing in enumerate(ordered, start=1):
        tied = ranked and ranked[-1][0].total_score == standing.total_score
        ranked.append((standing, ranked[-1][1] if tied else position))
    return ranked
