"""The learner's map of the course: module bars, lesson marks, and where to carry on."""

from domain.catalogue import Lesson
from domain.errors import ContentUnavailable
from domain.freezes import DEFAULT_FREEZES, FreezeRules
from domain.goals import DailyProgress, day_start
from domain.journey import ModuleStanding, Report, resume_point, standings
from domain.learners import Learner
from domain.levels import DEFAULT_CURVE, Level, LevelCurve
from domain.ports import Clock, JourneyPorts
from domain.services.freezes import FreezeService
from domain.services.streaks import StreakService


class JourneyService:
    """Read-only but for the report: the course map costs two queries (outline and
    progress) however many modules there are; the report adds the totals, the streak,
    today's points and the freezes, settling the missed days a freeze covers."""

    def __init__(
        self,
        uow: JourneyPorts,
        clock: Clock,
        default_timezone: str,
        levels: LevelCurve = DEFAULT_CURVE,
        freezes: FreezeRules = DEFAULT_FREEZES,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._levels = levels
        self._streaks = StreakService(uow.calendar, default_timezone)
        self._freeze_rules = freezes

    async def modules(self, learner: Learner) -> list[ModuleStanding]:
        outline = await self._uow.catalogue.published_outline()
        return standings(outline, await self._uow.progress.for_learner(learner.id))

    async def module(self, learner: Learner, module_id: int) -> ModuleStanding:
        found = [item for item in await self.modules(learner) if item.module.id == module_id]
        if not found:
            raise ContentUnavailable(f"module {module_id} is not published")
        return found[0]

    async def resume(self, learner: Learner) -> Lesson | None:
        return resume_point(await self.modules(learner))

    async def report(self, learner: Learner) -> Report:
        modules = await self.modules(learner)
        totals = await self._uow.totals.totals(learner.id)
        today = self._streaks.today(learner.timezone, self._clock.now())
        days = await self._uow.calendar.days(learner.id)
        course = await self._uow.catalogue.course_settings()
        settler = FreezeService(self._uow.freezes, course.freezes(self._freeze_rules))
        streak, freezes = await settler.report(learner.id, days, today)
        level = course.levels(self._levels).level_of(totals.total_score)
        return Report(modules, totals, streak, level, await self.today(learner), freezes)

    async def today(self, learner: Learner) -> DailyProgress:
        """Points earned since midnight in the learner's zone, against their goal."""
        since = day_start(self._clock.now(), self._streaks.timezone(learner.timezone))
        points = await self._uow.totals.points_since(learner.id, since)
        return DailyProgress(learner.daily_goal, points)

    async def level(self, learner: Learner) -> Level:
        """The learner's level now, from their totals (one read), named as the pack names it."""
        totals = await self._uow.totals.totals(learner.id)
        return (await self.levels()).level_of(totals.total_score)

    async def levels(self) -> LevelCurve:
        """The operator's curve with the pack's level names (from the cached catalogue)."""
        return (await self._uow.catalogue.course_settings()).levels(self._levels)
