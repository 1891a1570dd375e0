"""Achievements: evaluate every definition against a learner's totals, award each once."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from domain.achievements import Achievement, LearnerFacts, Showcase
from domain.activity import Activity
from domain.enums import ActivityType
from domain.ports import AchievementPorts


class AchievementService:
    def __init__(self, uow: AchievementPorts) -> None:
        self._uow = uow

    async def evaluate(
        self, user_id: int, facts: LearnerFacts, current_streak: int, now: datetime
    ) -> list[Achievement]:
        """Award what the learner now qualifies for; loops because awards add points.

        Does not commit: it runs inside the use case that changed the learner's totals.
        """
        totals = replace(facts.totals, current_streak=current_streak)
        definitions = await self._uow.achievements.definitions()
        pending = [a for a in definitions if a.id not in facts.earned]
        awarded: list[Achievement] = []
        while due := [achievement for achievement in pending if achievement.is_earned_by(totals)]:
            for achievement in due:
                pending.remove(achievement)
                if await self._award(user_id, achievement, now):
                    awarded.append(achievement)
                    totals = replace(
                        totals, achievement_points=totals.achievement_points + achievement.points
                    )
        return awarded

    async def showcase(self, user_id: int) -> Showcase:
        """Every definition, with the learner's award where they have one."""
        earned = {
            item.achievement.id: item for item in await self._uow.achievements.earned(user_id)
        }
        definitions = await self._uow.achievements.definitions()
        items = [(achievement, earned.get(achievement.id)) for achievement in definitions]
        return Showcase(items, await self._module_titles(definitions))

    async def _module_titles(self, definitions: Sequence[Achievement]) -> dict[str, str]:
        """Read only when a criterion names a module, as few do."""
        named = {a.criterion.module for a in definitions if a.criterion and a.criterion.module}
        if not named:
            return {}
        modules = await self._uow.catalogue.published_modules()
        return {module.slug: module.title for module in modules if module.slug in named}

    async def _award(self, user_id: int, achievement: Achievement, now: datetime) -> bool:
        if not await self._uow.achievements.award(user_id, achievement.id, now):
            return False
        details = {"title": achievement.title, "points": achievement.points}
        await self._uow.activity.add(
            Activity(
                user_id,
                ActivityType.ACHIEVEMENT_EARNED,
                now,
                "achievement",
                achievement.id,
                details,
            )
        )
        return True
