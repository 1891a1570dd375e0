"""The domain services one update may call, bound to that update's unit of work."""

from dataclasses import dataclass

from domain.freezes import DEFAULT_FREEZES, FreezeRules
from domain.leagues import LeagueRules
from domain.learners import Learner
from domain.levels import DEFAULT_CURVE, LevelCurve
from domain.ports import Clock, ReviewScheduler, UnitOfWork
from domain.review import DEFAULT_RULES as DEFAULT_REVIEW
from domain.review import ReviewRules
from domain.services import (
    AchievementService,
    CatalogueService,
    ChallengeStep,
    InboxService,
    JourneyService,
    LeaderboardService,
    LeagueService,
    LearnerService,
    ProgressService,
    QuizPollService,
    ReminderService,
    ReviewService,
    StatsService,
    put_challenge,
)


@dataclass(frozen=True, slots=True)
class Services:
    """Built per update by the unit-of-work middleware; each property is a cheap object."""

    uow: UnitOfWork
    clock: Clock
    default_timezone: str
    levels: LevelCurve = DEFAULT_CURVE
    freezes: FreezeRules = DEFAULT_FREEZES
    review_scheduler: ReviewScheduler | None = None
    review_rules: ReviewRules = DEFAULT_REVIEW

    @property
    def learners(self) -> LearnerService:
        return LearnerService(self.uow, self.clock)

    @property
    def catalogue(self) -> CatalogueService:
        return CatalogueService(self.uow)

    @property
    def journey(self) -> JourneyService:
        return JourneyService(
            self.uow, self.clock, self.default_timezone, self.levels, self.freezes
        )

    @property
    def progress(self) -> ProgressService:
        return ProgressService(
            self.uow,
            self.clock,
            self.default_timezone,
            self.levels,
            self.freezes,
            self.review_scheduler,
            self.review_rules,
        )

    async def put_challenge(
        self, learner: Learner, lesson_id: int, challenge_id: int | None = None
    ) -> ChallengeStep | None:
        """Opening a challenge is one use case over two services (``put_challenge``)."""
        return await put_challenge(
            self.progress, self.learners, learner, lesson_id, challenge_id, self.review
        )

    @property
    def polls(self) -> QuizPollService:
        return QuizPollService(self.uow, self.clock, self.progress)

    @property
    def review(self) -> ReviewService | None:
        """None when the deployment has no memory model (see ``BotConfig``)."""
        if self.review_scheduler is None:
            return None
        scheduler, rules = self.review_scheduler, self.review_rules
        return ReviewService(self.uow, self.clock, self.default_timezone, scheduler, rules)

    @property
    def achievements(self) -> AchievementService:
        return AchievementService(self.uow)

    @property
    def leaderboard(self) -> LeaderboardService:
        return LeaderboardService(self.uow, self.clock, self.default_timezone)

    def leagues(self, rules: LeagueRules) -> LeagueService:
        """The rules come with the bot's configuration, as the board's size does."""
        return LeagueService(self.uow, self.clock, self.default_timezone, rules)

    @property
    def stats(self) -> StatsService:
        return StatsService(self.uow, self.clock, self.default_timezone)

    @property
    def inbox(self) -> InboxService:
        return InboxService(self.uow, self.clock)

    @property
    def reminders(self) -> ReminderService:
        return ReminderService(self.uow, self.clock, self.default_timezone, self.freezes)
