"""Repositories: each implements one domain port over an ``AsyncSession``."""

from infrastructure.db.repositories.achievements import SqlAchievements, SqlTotals
from infrastructure.db.repositories.activity import SqlActivityLog
from infrastructure.db.repositories.catalogue import SqlCatalogue
from infrastructure.db.repositories.leaderboard import SqlBoardPrivacy, SqlLeaderboard
from infrastructure.db.repositories.learners import SqlLearners
from infrastructure.db.repositories.progress import SqlAnswers, SqlProgress, SqlStudyCalendar
from infrastructure.db.repositories.refresh import SqlLeaderboardRefresher

__all__ = [
    "SqlAchievements",
    "SqlActivityLog",
    "SqlAnswers",
    "SqlBoardPrivacy",
    "SqlCatalogue",
    "SqlLeaderboard",
    "SqlLeaderboardRefresher",
    "SqlLearners",
    "SqlProgress",
    "SqlStudyCalendar",
    "SqlTotals",
]
