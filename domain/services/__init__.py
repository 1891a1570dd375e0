"""Use cases: each public coroutine is one transaction, committed by the service itself."""

from domain.services.achievements import AchievementService
from domain.services.admin import AdminService, StatsService
from domain.services.catalogue import CatalogueService
from domain.services.inbox import InboxService, deliver
from domain.services.leaderboard import LeaderboardService
from domain.services.learners import LearnerService
from domain.services.progress import AnswerOutcome, Completion, ProgressService
from domain.services.streaks import StreakService

__all__ = [
    "AchievementService",
    "AdminService",
    "AnswerOutcome",
    "CatalogueService",
    "Completion",
    "InboxService",
    "LeaderboardService",
    "LearnerService",
    "ProgressService",
    "StatsService",
    "StreakService",
    "deliver",
]
