"""Levels: a learner's level follows from their total points along a configured curve.

Nothing about a level is stored. It is derived from the total whenever it is shown, so
a changed curve applies to everyone at once, and a level reached is announced by the one
counted answer that crossed its threshold, which the store counts exactly once.
"""

from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache

MAX_LEVELS = 100


class CurveKind(StrEnum):
    """``linear``: every level costs ``base`` points; ``exponential``: each costs ``growth``
    times the one before, starting at ``base`` (as Moodle's Level Up XP does)."""

    LINEAR = "linear"
    EXPONENTIAL = "exponential"


@dataclass(frozen=True, slots=True)
class LevelCurve:
    """Points needed per level, up to ``levels`` (the cap; level 1 is where everyone starts)."""

    kind: CurveKind = CurveKind.EXPONENTIAL
    base: int = 30
    growth: float = 1.3
    levels: int = 10
    names: tuple[tuple[int, str], ...] = ()
    """(level, name) pairs from the course pack; a level it does not name has none."""

    def __post_init__(self) -> None:
        if self.base < 1:
            raise ValueError("a level costs at least 1 point")
        if self.growth < 1:
            raise ValueError("the growth factor is at least 1")
        if not 2 <= self.levels <= MAX_LEVELS:
            raise ValueError(f"the level count is between 2 and {MAX_LEVELS}")

    def thresholds(self) -> tuple[int, ...]:
        """The total points at which levels 1, 2, … ``levels`` begin (strictly increasing)."""
        return _thresholds(self)

    def level_of(self, points: int) -> "Level":
        starts = self.thresholds()
        number = sum(1 for start in starts if points >= start) or 1
        following = starts[number] if number < len(starts) else None
        name = self.name_of(number)
        return Level(number, max(points, 0), starts[number - 1], following, name)

    def name_of(self, number: int) -> str | None:
        return next((name for level, name in self.names if level == number), None)

    def named(self, names: tuple[tuple[int, str], ...]) -> "LevelCurve":
        return replace(self, names=names)


@dataclass(frozen=True, slots=True)
class Level:
    """Where ``points`` stand: the level, where it began and where the next one begins
    (``next_at`` is None at the top level)."""

    number: int
    points: int
    starts_at: int
    next_at: int | None
    name: str | None = None
    """The course pack's name for the level, if it gives one."""

    @property
    def is_top(self) -> bool:
        return self.next_at is None

    @property
    def to_next(self) -> int:
        """Points still needed for the next level; 0 at the top."""
        return 0 if self.next_at is None else self.next_at - self.points

    @property
    def gained(self) -> int:
        """Points earned within this level, out of ``span``."""
        return self.points - self.starts_at

    @property
    def span(self) -> int:
        return 0 if self.next_at is None else self.next_at - self.starts_at


@cache
def _thresholds(curve: LevelCurve) -> tuple[int, ...]:
    """Worked out once per curve: every board row and every solving answer asks."""
    growth = 1.0 if curve.kind is CurveKind.LINEAR else curve.growth
    starts, total = [0], 0
    for step in range(curve.levels - 1):
        total += max(1, round(curve.base * growth**step))
        starts.append(total)
    return tuple(starts)


def level_reached(curve: LevelCurve, before: int, after: int) -> int | None:
    """The level that going from ``before`` to ``after`` points reaches, if it reaches one."""
    reached = curve.level_of(after).number
    return reached if reached > curve.level_of(before).number else None


DEFAULT_CURVE = LevelCurve()
"""The curve with the defaults of the LEVEL_* settings: level 2 after a lesson or two."""
