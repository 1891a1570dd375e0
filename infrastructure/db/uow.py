"""The SQL unit of work: one session, one transaction, rolled back unless committed."""

from collections.abc import Callable
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from infrastructure.db.content_version import ContentVersion
from infrastructure.db.locks import FULL_REFRESH_CLAIM, LEAGUES, SqlRefreshLock
from infrastructure.db.repositories import (
    SqlAchievements,
    SqlActivityLog,
    SqlAnswers,
    SqlBoardPrivacy,
    SqlCatalogue,
    SqlContentStore,
    SqlFreezes,
    SqlInbox,
    SqlLeaderboard,
    SqlLeaderboardRefresher,
    SqlLeagues,
    SqlLearnerDirectory,
    SqlLearners,
    SqlPollStore,
    SqlProgress,
    SqlReminders,
    SqlReviewCards,
    SqlReviewWaits,
    SqlStats,
    SqlStudyCalendar,
    SqlTotals,
    SqlUpdateJournal,
)
from infrastructure.db.repositories.catalogue_cache import CatalogueCache
from infrastructure.db.repositories.read_ahead import TakeReadAhead
from infrastructure.db.transaction import Transaction

T = TypeVar("T")


class _Built(Generic[T]):
    """A repository of the unit of work, built on first use in a block and then kept in the
    instance (``functools.cached_property`` does the same under a lock, which cost more
    than building the repository)."""

    def __init__(self, build: Callable[["SqlUnitOfWork"], T]) -> None:
        self._build = build
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, uow: "SqlUnitOfWork", owner: Any = None) -> T:
        built = uow.__dict__[self._name] = self._build(uow)
        return built


class SqlUnitOfWork:
    """Connects on entry, so a database that is briefly away is waited for (a bounded few
    tries) before anything is done, rather than failing half-way through.

    Each repository is built on first use and kept until the block ends: an update uses
    two or three of the twenty-odd, and building them all cost every update more CPU than
    its learner read's Python. The transaction starts on a bare pooled connection and makes
    its session when a repository first runs something on it (``transaction``): those an
    answer builds take the transaction itself."""

    def __init__(
        self, session_factory: async_sessionmaker[AsyncSession], catalogue: CatalogueCache
    ) -> None:
        self._session_factory = session_factory
        self._catalogue = catalogue
        self._transaction: Transaction | None = None

    async def __aenter__(self) -> Self:
        transaction = self._transaction = Transaction(self._session_factory)
        try:
            await transaction.open()
        except BaseException:
            self._transaction = None
            await transaction.close()
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Rolls back only a transaction still open: after a commit there is nothing to
        undo."""
        transaction = self.transaction
        self._transaction = None
        self._forget_repositories()
        await transaction.close()

    @property
    def transaction(self) -> Transaction:
        if self._transaction is None:
            raise RuntimeError("the unit of work is used outside its `async with` block")
        return self._transaction

    @property
    def session(self) -> AsyncSession:
        return self.transaction.session

    async def commit(self) -> None:
        """A commit with no transaction begun since the last one is skipped."""
        await self.transaction.commit()

    async def rollback(self) -> None:
        await self.transaction.rollback()

    def _forget_repositories(self) -> None:
        """Those built in the block ending: each holds its transaction or its session."""
        for name in self.__dict__.keys() & _REPOSITORIES:
            del self.__dict__[name]

    _version = _Built(lambda uow: ContentVersion(uow.transaction))
    _ahead = _Built(lambda uow: TakeReadAhead(uow.transaction, uow._catalogue))
    learners = _Built(lambda uow: SqlLearners(uow.transaction, uow._version, uow._ahead))
    activity = _Built(lambda uow: SqlActivityLog(uow.session))
    catalogue = _Built(lambda uow: SqlCatalogue(uow.transaction, uow._catalogue, uow._version))
    content = _Built(lambda uow: SqlContentStore(uow.session, uow._version))
    progress = _Built(lambda uow: SqlProgress(uow.transaction, uow.catalogue, uow._ahead))
    answers = _Built(lambda uow: SqlAnswers(uow.session))
    calendar = _Built(lambda uow: SqlStudyCalendar(uow.transaction))
    freezes = _Built(lambda uow: SqlFreezes(uow.transaction))
    achievements = _Built(lambda uow: SqlAchievements(uow.transaction, uow.catalogue))
    totals = _Built(lambda uow: SqlTotals(uow.transaction, uow.catalogue))
    leaderboard = _Built(lambda uow: SqlLeaderboard(uow.session))
    leaderboard_refresher = _Built(lambda uow: SqlLeaderboardRefresher(uow.session))
    updates = _Built(lambda uow: SqlUpdateJournal(uow.session))
    inbox = _Built(lambda uow: SqlInbox(uow.session))
    directory = _Built(lambda uow: SqlLearnerDirectory(uow.session))
    stats = _Built(lambda uow: SqlStats(uow.session))
    refresh_lock = _Built(lambda uow: SqlRefreshLock(uow.session))
    full_refresh_claim = _Built(lambda uow: SqlRefreshLock(uow.session, FULL_REFRESH_CLAIM))
    board_privacy = _Built(lambda uow: SqlBoardPrivacy(uow.session))
    reminders = _Built(lambda uow: SqlReminders(uow.session))
    polls = _Built(lambda uow: SqlPollStore(uow.session))
    leagues = _Built(lambda uow: SqlLeagues(uow.session))
    league_lock = _Built(lambda uow: SqlRefreshLock(uow.session, LEAGUES))
    reviews = _Built(lambda uow: SqlReviewCards(uow.session))
    review_waits = _Built(lambda uow: SqlReviewWaits(uow.session))


_REPOSITORIES = frozenset(
    name for name, value in vars(SqlUnitOfWork).items() if isinstance(value, _Built)
)
"""What ``_forget_repositories`` drops: a unit of work entered again starts afresh."""
