"""Streak freezes: a freeze held on a day the learner misses is spent on it, and keeps the streak.

A freeze is earned on the day a streak reaches a multiple of ``FreezeRules.every`` days, or
with an achievement the course pack names as a reward, and held up to a cap. Both earning
and spending are stored as facts, one per learner, day and kind, so a replayed update, a
second replica or the reminder job racing the bot can only write the same fact again.
What is spent follows from the facts alone, day by day as if each missed day had been
settled at its own midnight, so whoever settles first, and whenever, spends the same days.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from domain.streaks import ONE_DAY, Streak, streak_on

MAX_FREEZES = 10


@dataclass(frozen=True, slots=True)
class FreezeRules:
    """``every``: a freeze for every run of that many kept days (0: none are earned);
    ``cap``: the most a learner holds at once (0 turns freezes off); ``rewards``: the slugs
    of achievements that each bring a freeze (only a course pack names them)."""

    every: int = 7
    cap: int = 2
    rewards: frozenset[str] = frozenset()

    def overridden(
        self, every: int | None, cap: int | None, rewards: Iterable[str] = ()
    ) -> "FreezeRules":
        """These rules with what a course pack sets in their place."""
        every = self.every if every is None else every
        return FreezeRules(every, self.cap if cap is None else cap, frozenset(rewards))

    def __post_init__(self) -> None:
        if self.every < 0:
            raise ValueError("a freeze is earned every 0 (never) or more days")
        if not 0 <= self.cap <= MAX_FREEZES:
            raise ValueError(f"a learner holds between 0 and {MAX_FREEZES} freezes")


@dataclass(frozen=True, slots=True)
class FreezeLedger:
    """The stored facts: the days a freeze was earned on by a streak, the days one was
    spent on, and the day of each freeze an achievement brought (repeats are two)."""

    earned: frozenset[date] = frozenset()
    spent: frozenset[date] = frozenset()
    rewarded: tuple[date, ...] = ()

    def held(self, rules: FreezeRules) -> int:
        """Earned minus spent, in day order, an earning beyond the cap being lost."""
        held = 0
        for day in sorted({*self.earned, *self.spent, *self.rewarded}):
            if day in self.spent:
                held = max(held - 1, 0)
            gained = (day in self.earned) + self.rewarded.count(day)
            held = min(held + gained, rules.cap)
        return held

    def with_spent(self, days: Iterable[date]) -> "FreezeLedger":
        return FreezeLedger(self.earned, self.spent | frozenset(days), self.rewarded)

    def with_earned(self, day: date) -> "FreezeLedger":
        return FreezeLedger(self.earned | {day}, self.spent, self.rewarded)

    def with_rewarded(self, day: date) -> "FreezeLedger":
        return FreezeLedger(self.earned, self.spent, (*self.rewarded, day))


def to_spend(
    study_days: Iterable[date], ledger: FreezeLedger, rules: FreezeRules, today: date
) -> tuple[date, ...]:
    """The missed days before ``today`` that freezes still held cover, earliest first.

    Only the days right after the last kept day (studied or frozen) can be covered: a day
    missed with no freeze left ends the streak, and nothing after it is spent on.
    """
    kept = [day for day in {*study_days, *ledger.spent} if day < today]
    if not kept:
        return ()
    held = ledger.held(rules)
    missed: list[date] = []
    day = max(kept) + ONE_DAY
    while day < today and len(missed) < held:
        missed.append(day)
        day += ONE_DAY
    return tuple(missed)


def streak_kept(study_days: Iterable[date], ledger: FreezeLedger, today: date) -> Streak:
    """The streak with frozen days counted as kept (studied today only by studying)."""
    days = set(study_days)
    streak = streak_on(days | ledger.spent, today)
    return Streak(streak.current, streak.longest, today in days)


def earns_today(streak: Streak, ledger: FreezeLedger, rules: FreezeRules, today: date) -> bool:
    """Whether studying today makes the streak a multiple of ``every`` with room under the cap."""
    return (
        rules.every > 0
        and streak.studied_today
        and streak.current > 0
        and streak.current % rules.every == 0
        and today not in ledger.earned
        and ledger.held(rules) < rules.cap
    )


@dataclass(frozen=True, slots=True)
class Freezes:
    """What a learner is shown: freezes held of the cap, and the frozen days not yet told."""

    held: int
    cap: int
    kept_on: tuple[date, ...] = ()


DEFAULT_FREEZES = FreezeRules()
"""The rules with the defaults of the STREAK_FREEZE_* settings."""
NO_FREEZES = Freezes(0, 0)
EMPTY_LEDGER = FreezeLedger()
