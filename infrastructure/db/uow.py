"""The SQL unit of work: one session, one transaction, rolled back unless committed."""

from collections.abc import Callable
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from infrastructure.db.content_version import ContentVersion
from infrastructure.db.locks import FULL_REFRESH_CLAIM, LEAGUES, SqlRefreshLock
from infrastructure.db.outage import connect_patiently
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
    its learner read's Python."""

    def __init__(
        self, session_factory: async_sessionmaker[AsyncSession], catalogue: CatalogueCache
    ) -> None:
        self._session_factory = session_factory
        self._catalogue = catalogue
        self._session: AsyncSession | None = None

    async def __aenter__(self) -> Self:
        session = self._session = self._session_factory()
        try:
            await connect_patiently(session)
        except BaseException:
            self._session = None
            await session.close()
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Rolls back only a transaction still open: after a commit there is nothing to
        undo, and asking SQLAlchemy to would cost CPU on every update for nothing. Closes
        the session only if it still holds something (a transaction, ORM objects): after
        a commit of Core statements, ``close`` (a greenlet run, its bookkeeping) would
        release nothing, the commit having returned the connection to the pool."""
        session = self.session
        self._session = None
        self._forget_repositories()
        try:
            if session.in_transaction():
                await session.rollback()
        finally:
            if _holds_anything(session):
                await session.close()

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its `async with` block")
        return self._session

    async def commit(self) -> None:
        """A commit with no transaction begun since the last one is skipped: it would
        write nothing (the session begins one as soon as anything is added or run)."""
        if self.session.in_transaction():
            await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()

    def _forget_repositories(self) -> None:
        """Those built in the block ending: each holds its session."""
        for name in self.__dict__.keys() & _REPOSITORIES:
            del self.__dict__[name]

    _version = _Built(lambda uow: ContentVersion(uow.session))
    _ahead = _Built(lambda uow: TakeReadAhead(uow.session, uow._catalogue))
    learners = _Built(lambda uow: SqlLearners(uow.session, uow._version, uow._ahead))
    activity = _Built(lambda uow: SqlActivityLog(uow.session))
    catalogue = _Built(lambda uow: SqlCatalogue(uow.session, uow._catalogue, uow._version))
    content = _Built(lambda uow: SqlContentStore(uow.session, uow._version))
    progress = _Built(lambda uow: SqlProgress(uow.session, uow.catalogue, uow._ahead))
    answers = _Built(lambda uow: SqlAnswers(uow.session))
    calendar = _Built(lambda uow: SqlStudyCalendar(uow.session))
    freezes = _Built(lambda uow: SqlFreezes(uow.session))
    achievements = _Built(lambda uow: SqlAchievements(uow.session, uow.catalogue))
    totals = _Built(lambda uow: SqlTotals(uow.session, uow.catalogue))
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


def _holds_anything(session: AsyncSession) -> bool:
    return bool(session.in_transaction() or session.identity_map or session.new or session.deleted)


_REPOSITORIES = frozenset(
    name for name, value in vars(SqlUnitOfWork).items() if isinstance(value, _Built)
)
"""What ``_forget_repositories`` drops: a unit of work entered again starts afresh."""
