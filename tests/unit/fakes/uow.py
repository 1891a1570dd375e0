from collections.abc import Sequence
from types import TracebackType
from typing import Self

from domain.achievements import Achievement

from .achievements import FakeAchievementRepository, FakeTotalsReader
from .activity import FakeActivityLog
from .catalogue import FakeCatalogue
from .freezes import FakeFreezeStore
from .inbox import FakeInbox
from .leaderboard import (
    FakeBoardPrivacy,
    FakeLeaderboardReader,
    FakeLeaderboardRefresher,
    FakeRefreshLock,
)
from .leagues import FakeLeagues
from .learners import FakeLearnerRepository
from .polls import FakePollStore
from .progress import FakeAnswerRepository, FakeProgressRepository, FakeStudyCalendar
from .reminders import FakeReminders
from .review import FakeReviewCards, FakeReviewWaits
from .tables import Tables
from .updates import FakeUpdateJournal


class FakeUnitOfWork:
    """Every port over one working copy; ``saved`` holds what the last commit published.

    Assert on ``saved`` rather than on the working copy: a service that forgets to commit,
    or leaves half a change behind when it refuses, then fails its test.
    """

    def __init__(self, catalogue: FakeCatalogue, definitions: Sequence[Achievement]) -> None:
        self.working = Tables()
        self.saved = Tables()
        self.commits = 0
        self.rollbacks = 0
        self.catalogue = catalogue
        self.learners = FakeLearnerRepository(self.working)
        self.activity = FakeActivityLog(self.working)
        self.totals = FakeTotalsReader(self.working, catalogue, definitions)
        self.answers = FakeAnswerRepository(self.working, catalogue)
        self.progress = FakeProgressRepository(self.working, self.answers, self.totals)
        self.calendar = FakeStudyCalendar(self.working)
        self.freezes = FakeFreezeStore(self.working)
        self.achievements = FakeAchievementRepository(self.working, definitions)
        self.leaderboard = FakeLeaderboardReader(self.working)
        self.leaderboard_refresher = FakeLeaderboardRefresher(self.working, self.totals)
        self.updates = FakeUpdateJournal(self.working)
        self.inbox = FakeInbox(self.working)
        self.refresh_lock = FakeRefreshLock()
        self.full_refresh_claim = FakeRefreshLock()
        self.board_privacy = FakeBoardPrivacy(self.working)
        self.reminders = FakeReminders(self.working)
        self.polls = FakePollStore(self.working)
        self.leagues = FakeLeagues(self.working)
        self.league_lock = FakeRefreshLock()
        self.reviews = FakeReviewCards(self.working, catalogue)
        self.review_waits = FakeReviewWaits(self.working)

    @property
    def committed(self) -> bool:
        return self.commits > 0

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.rollback()

    async def commit(self) -> None:
        self.saved = self.working.snapshot()
        self.commits += 1

    async def rollback(self) -> None:
        self.working.restore(self.saved)
        self.rollbacks += 1
