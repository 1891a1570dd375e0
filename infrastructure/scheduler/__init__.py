"""The scheduler: a driving adapter that calls domain services on a timetable."""

from infrastructure.scheduler.jobs import (
    FULL_REFRESH_JOB,
    LEADERBOARD_JOB,
    LEAGUES_JOB,
    REMINDERS_JOB,
    UPDATES_JOB,
    NotifierFactory,
    RefreshMetrics,
    ResultText,
    forget_handled_updates,
    refresh_leaderboard,
    refresh_leaderboard_fully,
    roll_leagues,
    send_reminders,
)
from infrastructure.scheduler.runner import Scheduler, build_scheduler

__all__ = [
    "FULL_REFRESH_JOB",
    "LEADERBOARD_JOB",
    "LEAGUES_JOB",
    "REMINDERS_JOB",
    "UPDATES_JOB",
    "NotifierFactory",
    "RefreshMetrics",
    "ResultText",
    "Scheduler",
    "build_scheduler",
    "forget_handled_updates",
    "refresh_leaderboard",
    "refresh_leaderboard_fully",
    "roll_leagues",
    "send_reminders",
]
