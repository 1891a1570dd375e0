"""The daily goal: points a learner means to earn each day, counted in their own day."""

from dataclasses import dataclass
from datetime import datetime, time

from domain.streaks import zone

DAILY_GOALS = (10, 20, 30, 50)
"""The goals offered in the bot."""
DEFAULT_DAILY_GOAL = 20


def is_valid_goal(points: int) -> bool:
    return points in DAILY_GOALS


def goal_met(goal: int, before: int, after: int) -> bool:
    """Whether going from ``before`` to ``after`` points today meets the goal."""
    return before < goal <= after


def day_start(now: datetime, timezone: str) -> datetime:
    """Midnight that began ``now``'s day in ``timezone``: where today's points start."""
    local = now.astimezone(zone(timezone))
    return datetime.combine(local.date(), time(), tzinfo=local.tzinfo)


@dataclass(frozen=True, slots=True)
class DailyProgress:
    """Today's points against the goal. Points count as the weekly board counts them:
    lessons first completed today (their best score) and achievements earned today."""

    goal: int
    points: int

    @property
    def is_met(self) -> bool:
        return self.points >= self.goal

    @property
    def left(self) -> int:
        return max(self.goal - self.points, 0)
