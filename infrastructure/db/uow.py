"""The SQL unit of work: one session, one transaction, rolled back unless committed."""

from types import TracebackType
from typing import Self

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


class SqlUnitOfWork:
    """Connects on entry, so a database that is briefly away is waited for (a bounded few
    tries) before anything is done, rather than failing half-way through."""

    def __init__(
        self, session_factory: async_sessionmaker[AsyncSession], catalogue: CatalogueCache
    ) -> None:
        self._session_factory = session_factory
        self._catalogue = catalogue
        self._session: AsyncSession | None = None

    async def __aenter__(self) -> Self:
        session = self._session = self._session_factory()
        version = ContentVersion(session)
        ahead = TakeReadAhead(session, self._catalogue)
        self.learners = SqlLearners(session, version, ahead)
        self.activity = SqlActivityLog(session)
        self.catalogue = SqlCatalogue(session, self._catalogue, version)
        self.content = SqlContentStore(session, version)
        self.progress = SqlProgress(session, self.catalogue, ahead)
        self.answers = SqlAnswers(session)
        self.calendar = SqlStudyCalendar(session)
        self.freezes = SqlFreezes(session)
        self.achievements = SqlAchievements(session, self.catalogue)
        self.totals = SqlTotals(session, self.catalogue)
        self.leaderboard = SqlLeaderboard(session)
        self.leaderboard_refresher = SqlLeaderboardRefresher(session)
        self.updates = SqlUpdateJournal(session)
        self.inbox = SqlInbox(session)
        self.directory = SqlLearnerDirectory(session)
        self.stats = SqlStats(session)
        self.refresh_lock = SqlRefreshLock(session)
        self.full_refresh_claim = SqlRefreshLock(session, FULL_REFRESH_CLAIM)
        self.board_privacy = SqlBoardPrivacy(session)
        self.reminders = SqlReminders(session)
        self.polls = SqlPollStore(session)
        self.leagues = SqlLeagues(session)
        self.league_lock = SqlRefreshLock(session, LEAGUES)
        self.reviews = SqlReviewCards(session)
        self.review_waits = SqlReviewWaits(session)
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
        session = self.session
        self._session = None
        try:
            await session.rollback()
        finally:
            await session.close()

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its `async with` block")
        return self._session

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()
