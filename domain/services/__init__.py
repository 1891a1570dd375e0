"""Use cases: each public coroutine runs in its caller's unit of work and never commits it;
the driving adapter commits once (see ``domain.services.commits`` for the few rules that
commit earlier, each at one named point)."""

from domain.services.achievements import AchievementService
from domain.services.admin import AdminService, StatsService
from domain.services.asking import put_challenge
from domain.services.catalogue import CatalogueService
from domain.services.freezes import FreezeService
from domain.services.inbox import InboxService, deliver
from domain.services.journey import JourneyService
from domain.services.leaderboard import LeaderboardService
from domain.services.leagues import LeagueService, NewsReport
from domain.services.learners import LearnerService
from domain.services.polls import QuizPollService, Vote
from domain.services.progress import AnswerOutcome, ChallengeStep, Completion, ProgressService
from domain.services.publishing import PublishingService
from domain.services.reminders import ReminderReport, ReminderService
from domain.services.review import ReviewOutcome, ReviewService, ReviewStep
from domain.services.streaks import StreakService
from domain.services.updates import forget_old_updates

__all__ = [
    "AchievementService",
    "AdminService",
    "AnswerOutcome",
    "CatalogueService",
    "ChallengeStep",
    "Completion",
    "FreezeService",
    "InboxService",
    "JourneyService",
    "LeaderboardService",
    "LeagueService",
    "LearnerService",
    "NewsReport",
    "ProgressService",
    "PublishingService",
    "QuizPollService",
    "ReminderReport",
    "ReminderService",
    "ReviewOutcome",
    "ReviewService",
    "ReviewStep",
    "StatsService",
    "StreakService",
    "Vote",
    "deliver",
    "forget_old_updates",
    "put_challenge",
]
