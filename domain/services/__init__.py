"""Use cases: each public coroutine is one transaction, committed by the service itself."""

from domain.services.achievements import AchievementService
from domain.services.catalogue import CatalogueService
from domain.services.journey import JourneyService
from domain.services.leaderboard import LeaderboardService
from domain.services.learners import LearnerService
from domain.services.progress import AnswerOutcome, ChallengeStep, Completion, ProgressService
from domain.services.publishing import PublishingService
from domain.services.streaks import StreakService

__all__ = [
    "AchievementService",
    "AnswerOutcome",
    "CatalogueService",
    "ChallengeStep",
    "Completion",
    "JourneyService",
    "LeaderboardService",
    "LearnerService",
    "ProgressService",
    "PublishingService",
    "StreakService",
]
