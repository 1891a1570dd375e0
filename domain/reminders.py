"""Daily reminders: a nudge at the learner's chosen hour to keep a live streak going."""

from dataclasses import dataclass
from datetime import date, datetime

from domain.goals import DEFAULT_DAILY_GOAL
from domain.streaks import ONE_DAY, zone

REMINDER_HOURS = (8, 12, 18, 20)
"""The hours offered in the bot; any hour 0-23 is valid in the database."""


@dataclass(frozen=True, slots=True)
class ReminderCandidate:
    """A learner with reminders on, as the coarse database filter returns them."""

    user_id: int
    telegram_id: int
    timezone: str | None
    reminder_hour: int
    reminded_on: date | None
    last_study_day: date | None
    daily_goal: int = DEFAULT_DAILY_GOAL
    freezes_held: int = 0
    """Filled in once the learner's freezes are settled (the coarse filter leaves it 0)."""


def is_due(candidate: ReminderCandidate, now: datetime, default_timezone: str) -> bool:
    """Due at their hour, in their zone, when yesterday kept the streak alive and today has not.

    A last study day of exactly yesterday means a streak above zero not yet extended today;
    a day a streak freeze was spent on counts as studied.
    """
    today = local_time(candidate, now, default_timezone).date()
    return is_their_hour(candidate, now, default_timezone) and (
        candidate.last_study_day == today - ONE_DAY
    )


def is_their_hour(candidate: ReminderCandidate, now: datetime, default_timezone: str) -> bool:
    """Their hour, in their zone, and not yet reminded today."""
    local = local_time(candidate, now, default_timezone)
    return local.hour == candidate.reminder_hour and candidate.reminded_on != local.date()


def local_time(candidate: ReminderCandidate, now: datetime, default_timezone: str) -> datetime:
    return now.astimezone(zone(candidate.timezone or default_timezone))


def is_valid_hour(hour: int) -> bool:
    return 0 <= hour <= 23
