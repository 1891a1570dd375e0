"""The scheduler: a driving adapter that calls domain services on a timetable."""

from infrastructure.scheduler.jobs import (
    LEADERBOARD_JOB,
    UPDATES_JOB,
    forget_handled_updates,
    refresh_leaderboard,
)
from infrastructure.scheduler.runner import Scheduler, build_scheduler

__all__ = [
    "LEADERBOARD_JOB",
    "UPDATES_JOB",
    "Scheduler",
    "build_scheduler",
    "forget_handled_updates",
    "refresh_leaderboard",
]
