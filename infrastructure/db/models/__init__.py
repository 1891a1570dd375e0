"""The schema: every table, declared once, the single source for migrations."""

from infrastructure.db.models.base import Base, table
from infrastructure.db.models.content import AchievementRow, ChallengeRow, LessonRow, ModuleRow
from infrastructure.db.models.learners import StudyDayRow, UserRow
from infrastructure.db.models.progress import AnswerRow, EarnedRow, ProgressRow
from infrastructure.db.models.records import ActivityRow, LeaderboardRow

__all__ = [
    "AchievementRow",
    "ActivityRow",
    "AnswerRow",
    "Base",
    "ChallengeRow",
    "EarnedRow",
    "LeaderboardRow",
    "LessonRow",
    "ModuleRow",
    "ProgressRow",
    "StudyDayRow",
    "UserRow",
    "table",
]
