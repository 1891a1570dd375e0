"""Operators' use cases: finding learners, looking at one, and the platform's numbers."""

from dataclasses import replace
from datetime import datetime, time, timedelta

from domain.admin import LearnerCounts, LearnerProfile, LearnerSummary, Stats
from domain.errors import LearnerNotFound
from domain.freezes import DEFAULT_FREEZES, FreezeRules
from domain.levels import DEFAULT_CURVE, LevelCurve
from domain.ports import AdminPorts, Clock, StatsPorts
from domain.services.freezes import FreezeService
from domain.services.streaks import StreakService
from domain.streaks import local_day, zone

WEEK = timedelta(days=7)


class AdminService:
    def __init__(
        self,
        uow: AdminPorts,
        clock: Clock,
        default_timezone: str,
        freezes: FreezeRules = DEFAULT_FREEZES,
        levels: LevelCurve = DEFAULT_CURVE,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._streaks = StreakService(uow.calendar, default_timezone)
        self._freeze_rules = freezes
        self._levels = levels

    async def learners(
        self, search: str | None = None, active_only: bool = False, limit: int = 50
    ) -> list[LearnerSummary]:
        text = search.strip() if search else None
        return await self._uow.directory.search(text or None, active_only, limit)

    async def profile(self, learner_id: int) -> LearnerProfile:
        learner = await self._uow.learners.get(learner_id)
        if learner is None:
            raise LearnerNotFound(f"no learner with id {learner_id}")
        today = self._streaks.today(learner.timezone, self._clock.now())
        days = await self._uow.calendar.days(learner.id)
        course = await self._uow.catalogue.course_settings()
        settler = FreezeService(self._uow.freezes, course.freezes(self._freeze_rules))
        streak, freezes = await settler.peek(learner.id, days, today)
        totals = await self._uow.totals.totals(learner.id)
        return LearnerProfile(
            learner=learner,
            totals=replace(totals, current_streak=streak.current),
            modules=await self._uow.directory.module_progress(learner.id),
            achievements=await self._uow.achievements.earned(learner.id),
            streak=streak,
            board_entry=await self._uow.leaderboard.entry(learner.id),
            freezes=freezes,
            level=course.levels(self._levels).level_of(totals.total_score),
        )


class StatsService:
    """Read-only: the same numbers for ``learnbot stats``, the bot's /stats and metrics."""

    def __init__(self, uow: StatsPorts, clock: Clock, default_timezone: str) -> None:
        self._uow = uow
        self._clock = clock
        self._timezone = default_timezone

    async def collect(self, top_lessons: int = 5) -> Stats:
        now = self._clock.now()
        stats = self._uow.stats
        return Stats(
            as_of=now,
            learners=await self.learner_counts(),
            lessons_completed=await stats.completions(None),
            lessons_completed_today=await stats.completions(self.start_of_today()),
            achievements_earned=await stats.achievements_earned(),
            funnel=await stats.funnel(),
            activity_week=await stats.activity(now - WEEK),
            inbox=await self._uow.inbox.counts(),
            top_lessons=await stats.top_lessons(top_lessons),
        )

    async def learner_counts(self) -> LearnerCounts:
        week = self._clock.now() - WEEK
        return await self._uow.stats.learner_counts(self.start_of_today(), week)

    def start_of_today(self) -> datetime:
        """Midnight in DEFAULT_TIMEZONE: "today" means the operator's day, not UTC's."""
        today = local_day(self._clock.now(), self._timezone)
        return datetime.combine(today, time(), tzinfo=zone(self._timezone))
