"""Daily streaks, counted in calendar days of the learner's own time zone."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Streak:
    current: int
    longest: int
    studied_today: bool


def local_day(moment: datetime, timezone: str) -> date:
    """The calendar day ``moment`` falls on for someone living in ``timezone``."""
    return moment.astimezone(zone(timezone)).date()


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def is_valid_timezone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def streak_on(days: Iterable[date], today: date) -> Streak:
    """A streak is alive while the last study day is today or yesterday."""
    ordered = sorted(set(days))
    longest = run = 0
    previous: date | None = None
    for day in ordered:
        run = run + 1 if previous is not None and day - previous == ONE_DAY else 1
        longest = max(longest, run)
        previous = day
    alive = previous is not None and today - previous <= ONE_DAY
    return Streak(current=run if alive else 0, longest=longest, studied_today=previous == today)
