"""Streak freezes: earned on long streaks up to a cap, spent on missed days in day order,
and counted by the streak as kept days."""

from datetime import date

import pytest

from domain.freezes import (
    FreezeLedger,
    FreezeRules,
    earns_today,
    streak_kept,
    to_spend,
)
from domain.streaks import Streak


def march(*days: int) -> frozenset[date]:
    return frozenset(date(2025, 3, day) for day in days)


def day(number: int) -> date:
    return date(2025, 3, number)


RULES = FreezeRules(every=7, cap=2)


def test_a_frozen_day_bridges_the_gap_and_counts_as_kept() -> None:
    ledger = FreezeLedger(spent=march(9))

    assert streak_kept(march(7, 8, 10), ledger, day(10)) == Streak(4, 4, True)
    assert streak_kept(march(7, 8), FreezeLedger(spent=march(9)), day(10)) == Streak(3, 3, False)
    assert streak_kept(march(7, 8, 10), FreezeLedger(), day(10)) == Streak(1, 2, True)


def test_freezes_held_are_earned_minus_spent_and_never_above_the_cap() -> None:
    assert FreezeLedger(earned=march(1, 8)).held(RULES) == 2
    assert FreezeLedger(earned=march(1, 8, 15)).held(RULES) == 2
    assert FreezeLedger(earned=march(1, 8, 15), spent=march(16)).held(RULES) == 1
    assert FreezeLedger(earned=march(1), spent=march(2, 3)).held(RULES) == 0
    assert FreezeLedger(earned=march(1, 8, 15)).held(FreezeRules(cap=0)) == 0


@pytest.mark.parametrize(
    ("study", "earned", "spent", "today", "expected"),
    [
        (march(1, 2), march(1), march(), 4, march(3)),
        (march(1, 2), march(1), march(), 3, march()),
        (march(1, 2, 5), march(1), march(), 5, march(3)),
        (march(1, 2), march(1, 2), march(), 6, march(3, 4)),
        (march(1, 2), march(1, 2), march(3), 6, march(4)),
        (march(1, 2), march(1, 2), march(3, 4), 6, march()),
        (march(1, 2), march(), march(), 5, march()),
        (march(), march(1), march(), 5, march()),
    ],
    ids=[
        "one-missed-one-held",
        "today-is-not-over",
        "studied-again-after-the-gap",
        "fewer-freezes-than-missed-days",
        "settled-before-spends-the-rest",
        "nothing-left",
        "none-held",
        "never-studied",
    ],
)
def test_missed_days_spend_freezes_earliest_first_while_any_are_held(
    study: frozenset[date],
    earned: frozenset[date],
    spent: frozenset[date],
    today: int,
    expected: frozenset[date],
) -> None:
    ledger = FreezeLedger(earned, spent)

    assert frozenset(to_spend(study, ledger, RULES, day(today))) == expected


def test_settling_late_spends_what_settling_each_midnight_would() -> None:
    """Whoever settles first, and whenever, writes the same days: exactly once by key."""
    study, ledger = march(1, 2), FreezeLedger(earned=march(1, 2))
    at_once = to_spend(study, ledger, RULES, day(9))
    daily = FreezeLedger(earned=ledger.earned)
    for today in range(3, 10):
        daily = daily.with_spent(to_spend(study, daily, RULES, day(today)))

    assert frozenset(at_once) == daily.spent == march(3, 4)
    assert streak_kept(study, daily, day(9)).current == 0


def test_a_freeze_is_earned_on_each_multiple_of_the_rule_while_under_the_cap() -> None:
    week = frozenset(date(2025, 3, n) for n in range(1, 8))
    streak = streak_kept(week, FreezeLedger(), day(7))

    assert streak.current == 7
    assert earns_today(streak, FreezeLedger(), RULES, day(7))
    assert not earns_today(streak, FreezeLedger(earned=march(7)), RULES, day(7))
    assert not earns_today(streak, FreezeLedger(earned=march(1, 2)), RULES, day(7))
    assert not earns_today(streak, FreezeLedger(), FreezeRules(every=0), day(7))
    six = streak_kept(week - march(7), FreezeLedger(), day(6))
    assert not earns_today(six, FreezeLedger(), RULES, day(6))
    not_today = streak_kept(week - march(7), FreezeLedger(), day(7))
    assert not earns_today(not_today, FreezeLedger(), RULES, day(7))


def test_frozen_days_count_towards_the_next_freeze() -> None:
    study = frozenset(date(2025, 3, n) for n in range(1, 8)) - march(4)
    ledger = FreezeLedger(earned=march(1), spent=march(4))
    streak = streak_kept(study, ledger, day(7))

    assert streak.current == 7
    assert earns_today(streak, ledger, RULES, day(7))


def test_achievement_freezes_count_one_each_and_stay_under_the_cap() -> None:
    ledger = FreezeLedger(earned=march(1), rewarded=(day(1), day(1)))

    assert ledger.held(FreezeRules(cap=5)) == 3
    assert ledger.held(RULES) == 2
    assert ledger.with_spent(march(2)).with_rewarded(day(3)).held(RULES) == 2
    assert FreezeLedger(rewarded=(day(4),), spent=march(2, 3)).held(RULES) == 1


@pytest.mark.parametrize(("every", "cap"), [(-1, 2), (7, -1), (7, 11)])
def test_rules_out_of_range_are_refused(every: int, cap: int) -> None:
    with pytest.raises(ValueError, match="freeze"):
        FreezeRules(every, cap)
