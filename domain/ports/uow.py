from collections.abc import Callable
from types import TracebackType
from typing import Protocol, Self

from domain.ports.achievements import AchievementRepository, TotalsReader
from domain.ports.activity import ActivityLog
from domain.ports.admin import LearnerDirectory, StatsReader
from domain.ports.catalogue import CatalogueReader
from domain.ports.content import ContentStore
from domain.ports.freezes import FreezeStore
from domain.ports.inbox import InboxRepository
from domain.ports.leaderboard import (
    BoardPrivacy,
    LeaderboardReader,
    LeaderboardRefresher,
    RefreshLock,
)
from domain.ports.leagues import LeagueRepository
from domain.ports.learners import LearnerRepository
from domain.ports.polls import PollStore
from domain.ports.progress import AnswerRepository, ProgressRepository, StudyCalendar
from domain.ports.reminders import ReminderRepository
from domain.ports.review import ReviewCards, ReviewWaits
from domain.ports.updates import UpdateJournal


class Transaction(Protocol):
    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...


class LearnerPorts(Transaction, Protocol):
    @property
    def learners(self) -> LearnerRepository: ...

    @property
    def activity(self) -> ActivityLog: ...


class CataloguePorts(Transaction, Protocol):
    @property
    def catalogue(self) -> CatalogueReader: ...


class ContentPorts(Transaction, Protocol):
    @property
    def content(self) -> ContentStore: ...


class AchievementPorts(CataloguePorts, Protocol):
    """The catalogue gives the titles of the modules that criteria name by slug."""

    @property
    def achievements(self) -> AchievementRepository: ...

    @property
    def totals(self) -> TotalsReader: ...

    @property
    def calendar(self) -> StudyCalendar: ...

    @property
    def activity(self) -> ActivityLog: ...


class ProgressPorts(AchievementPorts, CataloguePorts, Protocol):
    @property
    def progress(self) -> ProgressRepository: ...

    @property
    def freezes(self) -> FreezeStore: ...

    @property
    def answers(self) -> AnswerRepository: ...


class PollPorts(ProgressPorts, Protocol):
    @property
    def polls(self) -> PollStore: ...


class JourneyPorts(CataloguePorts, Protocol):
    @property
    def progress(self) -> ProgressRepository: ...

    @property
    def freezes(self) -> FreezeStore: ...

    @property
    def totals(self) -> TotalsReader: ...

    @property
    def calendar(self) -> StudyCalendar: ...


class ReviewPorts(CataloguePorts, Protocol):
    @property
    def reviews(self) -> ReviewCards: ...

    @property
    def review_waits(self) -> ReviewWaits: ...

    @property
    def totals(self) -> TotalsReader: ...


class UpdatePorts(Transaction, Protocol):
    @property
    def updates(self) -> UpdateJournal: ...


class LeaderboardPorts(Transaction, Protocol):
    @property
    def leaderboard(self) -> LeaderboardReader: ...

    @property
    def leaderboard_refresher(self) -> LeaderboardRefresher: ...

    @property
    def refresh_lock(self) -> RefreshLock: ...

    @property
    def full_refresh_claim(self) -> RefreshLock:
        """Taken by the replica that runs a scheduled full refresh: the others skip it."""
        ...

    @property
    def board_privacy(self) -> BoardPrivacy: ...


class LeaguePorts(LearnerPorts, Protocol):
    """Learners too: a learner who blocked the bot is deactivated, as reminders do."""

    @property
    def leagues(self) -> LeagueRepository: ...

    @property
    def league_lock(self) -> RefreshLock:
        """Held by the one process that rolls the weeks over."""
        ...


class InboxPorts(CataloguePorts, Protocol):
    @property
    def inbox(self) -> InboxRepository: ...

    @property
    def learners(self) -> LearnerRepository: ...


class AdminPorts(AchievementPorts, Protocol):
    @property
    def learners(self) -> LearnerRepository: ...

    @property
    def freezes(self) -> FreezeStore: ...

    @property
    def directory(self) -> LearnerDirectory: ...

    @property
    def leaderboard(self) -> LeaderboardReader: ...


class StatsPorts(Transaction, Protocol):
    @property
    def stats(self) -> StatsReader: ...

    @property
    def inbox(self) -> InboxRepository: ...


class ReminderPorts(LearnerPorts, CataloguePorts, Protocol):
    @property
    def reminders(self) -> ReminderRepository: ...

    @property
    def calendar(self) -> StudyCalendar: ...

    @property
    def freezes(self) -> FreezeStore: ...

    @property
    def reviews(self) -> ReviewCards: ...


class UnitOfWork(
    ReminderPorts,
    LeaguePorts,
    LearnerPorts,
    PollPorts,
    ProgressPorts,
    LeaderboardPorts,
    InboxPorts,
    AdminPorts,
    StatsPorts,
    JourneyPorts,
    ReviewPorts,
    UpdatePorts,
    ContentPorts,
    Protocol,
):
    """One transaction: leaving the block without ``commit()`` rolls everything back."""

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...


UnitOfWorkFactory = Callable[[], UnitOfWork]
