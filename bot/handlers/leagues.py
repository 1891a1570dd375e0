"""The League view of /top: the learner's league this week, their place and the zones."""

from aiogram import F, Router
from aiogram.types import CallbackQuery

from bot.callbacks import Nav, Screen
from bot.config import BotConfig
from bot.rendering.leagues import league_screen
from bot.rendering.reply import show
from bot.services import Services
from domain.learners import Learner


async def league(
    query: CallbackQuery, learner: Learner, services: Services, config: BotConfig
) -> None:
    await show(query, league_screen(await services.leagues(config.leagues).view(learner.id)))


def build_router() -> Router:
    router = Router(name=__name__)
    router.callback_query.register(league, Nav.filter(F.screen == Screen.LEAGUE))
    return router
