"""The daily goal: see today's points against it, and pick another from the profile."""

from dataclasses import replace

from aiogram import Router
from aiogram.types import CallbackQuery

from bot.callbacks import GoalCb
from bot.rendering.goal import goal_screen
from bot.rendering.reply import show
from bot.services import Services
from domain.goals import is_valid_goal
from domain.learners import Learner


async def goal(
    query: CallbackQuery, callback_data: GoalCb, learner: Learner, services: Services
) -> None:
    """Only the offered goals are set: the payload is untrusted."""
    points = callback_data.points
    if points is not None and is_valid_goal(points):
        await services.learners.set_daily_goal(learner.id, points)
        learner = replace(learner, daily_goal=points)
    await show(query, goal_screen(await services.journey.today(learner)))


def build_router() -> Router:
    router = Router(name=__name__)
    router.callback_query.register(goal, GoalCb.filter())
    return router
