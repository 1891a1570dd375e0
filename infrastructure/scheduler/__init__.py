"""The scheduler: a driving adapter that calls domain services on a timetable."""

from infrastructure.scheduler.jobs import LEADERBOARD_JOB, refresh_leaderboard
from infrastructure.scheduler.runner import Scheduler, build_scheduler

__all__ = ["LEADERBOARD_JOB", "Scheduler", "build_scheduler", "refresh_leaderboard"]
