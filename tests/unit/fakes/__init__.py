"""In-memory implementations of every port in ``domain.ports``, for the unit tests."""

from .achievements import FakeAchievementRepository, FakeTotalsReader
from .activity import FakeActivityLog, assert_logged, assert_logged_once, logged
from .catalogue import FakeCatalogue
from .clock import FakeClock
from .freezes import FakeFreezeStore
from .inbox import FakeInbox, FakeNotifier
from .leaderboard import FakeLeaderboardReader, FakeLeaderboardRefresher
from .leagues import FakeLeagues
from .learners import FakeLearnerRepository
from .progress import FakeAnswerRepository, FakeProgressRepository, FakeStudyCalendar
from .reminders import FakeReminders
from .review import FakeReviewCards, FakeScheduler
from .tables import Tables
from .uow import FakeUnitOfWork
from .updates import FakeUpdateJournal

__all__ = [
    "FakeAchievementRepository",
    "FakeActivityLog",
    "FakeAnswerRepository",
    "FakeCatalogue",
    "FakeClock",
    "FakeFreezeStore",
    "FakeInbox",
    "FakeLeaderboardReader",
    "FakeLeaderboardRefresher",
    "FakeLeagues",
    "FakeLearnerRepository",
    "FakeNotifier",
    "FakeProgressRepository",
    "FakeReminders",
    "FakeReviewCards",
    "FakeScheduler",
    "FakeStudyCalendar",
    "FakeTotalsReader",
    "FakeUnitOfWork",
    "FakeUpdateJournal",
    "Tables",
    "assert_logged",
    "assert_logged_once",
    "logged",
]
