"""Ports: the narrow interfaces the domain's use cases need from the outside world.

Each is a ``typing.Protocol`` sized for one role; adapters in ``infrastructure``
implement them structurally, and the unit tests implement them in memory.
"""

from domain.ports.achievements import AchievementRepository, TotalsReader
from domain.ports.activity import ActivityLog
from domain.ports.catalogue import CatalogueReader
from domain.ports.clock import Clock
from domain.ports.leaderboard import (
    BoardPrivacy,
    LeaderboardReader,
    LeaderboardRefresher,
    RefreshLock,
)
from domain.ports.learners import LearnerRepository
from domain.ports.progress import AnswerRepository, ProgressRepository, StudyCalendar
from domain.ports.uow import (
    AchievementPorts,
    CataloguePorts,
    LeaderboardPorts,
    LearnerPorts,
    ProgressPorts,
    Transaction,
    UnitOfWork,
    UnitOfWorkFactory,
)

__all__ = [
    "AchievementPorts",
    "AchievementRepository",
    "ActivityLog",
    "AnswerRepository",
    "BoardPrivacy",
    "CataloguePorts",
    "CatalogueReader",
    "Clock",
    "LeaderboardPorts",
    "LeaderboardReader",
    "LeaderboardRefresher",
    "LearnerPorts",
    "LearnerRepository",
    "ProgressPorts",
    "ProgressRepository",
    "RefreshLock",
    "StudyCalendar",
    "TotalsReader",
    "Transaction",
    "UnitOfWork",
    "UnitOfWorkFactory",
]
