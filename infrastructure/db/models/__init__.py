"""The schema: every table, declared once, the single source for migrations."""

from infrastructure.db.models.base import Base, table
from infrastructure.db.models.content import (
    AchievementRow,
    ChallengeRow,
    ContentStateRow,
    CourseSettingRow,
    LessonRow,
    ModuleRow,
)
from infrastructure.db.models.inbox import InboxRow
from infrastructure.db.models.leagues import (
    LeagueLadderRow,
    LeagueMemberRow,
    LeagueTierNameRow,
    LeagueWeekRow,
)
from infrastructure.db.models.learners import (
    ProcessedUpdateRow,
    StreakFreezeRow,
    StudyDayRow,
    UserRow,
)
from infrastructure.db.models.polls import QuizPollRow
from infrastructure.db.models.progress import AnswerRow, EarnedRow, ProgressRow
from infrastructure.db.models.records import ActivityRow, LeaderboardRow, LearnerTotalsRow
from infrastructure.db.models.review import ReviewCardRow, ReviewLogRow, ReviewWaitRow

__all__ = [
    "AchievementRow",
    "ActivityRow",
    "AnswerRow",
    "Base",
    "ChallengeRow",
    "ContentStateRow",
    "CourseSettingRow",
    "EarnedRow",
    "InboxRow",
    "LeaderboardRow",
    "LeagueLadderRow",
    "LeagueMemberRow",
    "LeagueTierNameRow",
    "LeagueWeekRow",
    "LearnerTotalsRow",
    "LessonRow",
    "ModuleRow",
    "ProcessedUpdateRow",
    "ProgressRow",
    "QuizPollRow",
    "ReviewCardRow",
    "ReviewLogRow",
    "ReviewWaitRow",
    "StreakFreezeRow",
    "StudyDayRow",
    "UserRow",
    "table",
]
