"""Ports: the narrow interfaces the domain's use cases need from the outside world.

Each is a ``typing.Protocol`` sized for one role; adapters in ``infrastructure``
implement them structurally, and the unit tests implement them in memory.
"""

from domain.ports.achievements import AchievementRepository, TotalsReader
from domain.ports.activity import ActivityLog
from domain.ports.admin import LearnerDirectory, StatsReader
from domain.ports.catalogue import CatalogueReader
from domain.ports.clock import Clock
from domain.ports.content import ContentReader, ContentStore, ContentWriter
from domain.ports.freezes import FreezeStore
from domain.ports.inbox import InboxRepository, Notifier
from domain.ports.leaderboard import (
    BoardPrivacy,
    LeaderboardReader,
    LeaderboardRefresher,
    RefreshLock,
)
from domain.ports.leagues import LeagueRepository, LeagueTable
from domain.ports.learners import LearnerRepository
from domain.ports.polls import PollStore
from domain.ports.progress import AnswerRepository, ProgressRepository, StudyCalendar
from domain.ports.reminders import ReminderReader, ReminderRepository, ReminderWriter
from domain.ports.review import ReviewCards, ReviewScheduler, ReviewWaits
from domain.ports.uow import (
    AchievementPorts,
    AdminPorts,
    CataloguePorts,
    ContentPorts,
    InboxPorts,
    JourneyPorts,
    LeaderboardPorts,
    LeaguePorts,
    LearnerPorts,
    PollPorts,
    ProgressPorts,
    ReminderPorts,
    ReviewPorts,
    StatsPorts,
    Transaction,
    UnitOfWork,
    UnitOfWorkFactory,
    UpdatePorts,
)
from domain.ports.updates import UpdateJournal

__all__ = [
    "AchievementPorts",
    "AchievementRepository",
    "ActivityLog",
    "AdminPorts",
    "AnswerRepository",
    "BoardPrivacy",
    "CataloguePorts",
    "CatalogueReader",
    "Clock",
    "ContentPorts",
    "ContentReader",
    "ContentStore",
    "ContentWriter",
    "FreezeStore",
    "InboxPorts",
    "InboxRepository",
    "JourneyPorts",
    "LeaderboardPorts",
    "LeaderboardReader",
    "LeaderboardRefresher",
    "LeaguePorts",
    "LeagueRepository",
    "LeagueTable",
    "LearnerDirectory",
    "LearnerPorts",
    "LearnerRepository",
    "Notifier",
    "PollPorts",
    "PollStore",
    "ProgressPorts",
    "ProgressRepository",
    "RefreshLock",
    "ReminderPorts",
    "ReminderReader",
    "ReminderRepository",
    "ReminderWriter",
    "ReviewCards",
    "ReviewPorts",
    "ReviewScheduler",
    "ReviewWaits",
    "StatsPorts",
    "StatsReader",
    "StudyCalendar",
    "TotalsReader",
    "Transaction",
    "UnitOfWork",
    "UnitOfWorkFactory",
    "UpdateJournal",
    "UpdatePorts",
]
