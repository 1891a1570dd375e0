"""/progress, /achievements and /top: read-only views of where the learner stands."""

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message

from bot.callbacks import BoardCb, Nav, Screen
from bot.config import BotConfig
from bot.rendering.reply import show
from bot.rendering.standing import achievements_screen, board_screen, report_screen
from bot.services import Services
from domain.leaderboard import BoardKind
from domain.learners import Learner

Event = Message | CallbackQuery


async def progress(event: Event, learner: Learner, services: Services) -> None:
    await show(event, report_screen(await services.journey.report(learner)))


async def achievements(event: Event, learner: Learner, services: Services) -> None:
    await show(event, achievements_screen(await services.achievements.showcase(learner.id)))


async def top(event: Event, learner: Learner, services: Services, config: BotConfig) -> None:
    """Reads the cached board only; the scheduler recomputes it."""
    await _board(event, learner, services, config, BoardKind.ALL_TIME)


async def board(
    query: CallbackQuery,
    callback_data: BoardCb,
    learner: Learner,
    services: Services,
    config: BotConfig,
) -> None:
    await _board(query, learner, services, config, callback_data.kind)


async def _board(
    event: Event, learner: Learner, services: Services, config: BotConfig, kind: BoardKind
) -> None:
    board = await services.leaderboard.board(learner.id, kind=kind, top=config.board_size)
    await show(event, board_screen(board, await services.journey.levels()))


def build_router() -> Router:
    router = Router(name=__name__)
    router.callback_query.register(progress, Nav.filter(F.screen == Screen.PROGRESS))
    router.callback_query.register(achievements, Nav.filter(F.screen == Screen.ACHIEVEMENTS))
    router.callback_query.register(top, Nav.filter(F.screen == Screen.BOARD))
    router.callback_query.register(board, BoardCb.filter())
    return router
