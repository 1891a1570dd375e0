"""How often one learner may act: a sliding window, so scripted clients cannot farm points.

A learner who taps faster than any person reads (more than ``limit`` actions within
``window``) is refused until the window has room again. The first refusal of a burst says
so; the rest are dropped quietly, so a flood of updates never turns into a flood of replies.
"""

from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum


class Verdict(Enum):
    ALLOWED = "allowed"
    REFUSED = "refused"
    """Refused, and the learner should be told once."""
    DROPPED = "dropped"
    """Refused again within the same burst: nothing to say."""


@dataclass(slots=True)
class _Recent:
    moments: deque[datetime]
    told: bool = False


class ActionBudget:
    """Per-learner sliding-window counts, kept in memory for the learners active lately."""

    def __init__(self, limit: int, window: timedelta, max_learners: int = 100_000) -> None:
        if limit < 1 or window <= timedelta(0):
            raise ValueError("a budget needs a positive limit and window")
        self._limit = limit
        self._window = window
        self._max_learners = max_learners
        self._recent: dict[int, _Recent] = {}

    def spend(self, learner_key: int, now: datetime) -> Verdict:
        """Counts an action of ``learner_key`` at ``now`` unless the budget is spent."""
        recent = self._recent.pop(learner_key, None) or _Recent(deque())
        self._recent[learner_key] = recent
        self._forget_before(recent, now - self._window)
        if len(recent.moments) < self._limit:
            recent.moments.append(now)
            recent.told = False
            self._trim()
            return Verdict.ALLOWED
        if recent.told:
            return Verdict.DROPPED
        recent.told = True
        return Verdict.REFUSED

    def _forget_before(self, recent: _Recent, start: datetime) -> None:
        while recent.moments and recent.moments[0] <= start:
            recent.moments.popleft()

    def _trim(self) -> None:
        """Forgets the least recently active learners beyond ``max_learners``."""
        while len(self._recent) > self._max_learners:
            del self._recent[next(iter(self._recent))]
