"""Repositories: each implements one domain port over an ``AsyncSession``."""

from infrastructure.db.repositories.achievements import SqlAchievements, SqlTotals
from infrastructure.db.repositories.activity import SqlActivityLog
from infrastructure.db.repositories.catalogue import SqlCatalogue
from infrastructure.db.repositories.content import SqlContentStore
from infrastructure.db.repositories.directory import SqlLearnerDirectory
from infrastructure.db.repositories.freezes import SqlFreezes
from infrastructure.db.repositories.inbox import SqlInbox
from infrastructure.db.repositories.leaderboard import SqlBoardPrivacy, SqlLeaderboard
from infrastructure.db.repositories.leagues import SqlLeagues
from infrastructure.db.repositories.learners import SqlLearners
from infrastructure.db.repositories.polls import SqlPollStore
from infrastructure.db.repositories.progress import SqlAnswers, SqlProgress, SqlStudyCalendar
from infrastructure.db.repositories.refresh import SqlLeaderboardRefresher
from infrastructure.db.repositories.reminders import SqlReminders
from infrastructure.db.repositories.review import SqlReviewCards
from infrastructure.db.repositories.review_waits import SqlReviewWaits
from infrastructure.db.repositories.stats import SqlStats
from infrastructure.db.repositories.updates import SqlUpdateJournal

__all__ = [
    "SqlAchievements",
    "SqlActivityLog",
    "SqlAnswers",
    "SqlBoardPrivacy",
    "SqlCatalogue",
    "SqlContentStore",
    "SqlFreezes",
    "SqlInbox",
    "SqlLeaderboard",
    "SqlLeaderboardRefresher",
    "SqlLeagues",
    "SqlLearnerDirectory",
    "SqlLearners",
    "SqlPollStore",
    "SqlProgress",
    "SqlReminders",
    "SqlReviewCards",
    "SqlReviewWaits",
    "SqlStats",
    "SqlStudyCalendar",
    "SqlTotals",
    "SqlUpdateJournal",
]
