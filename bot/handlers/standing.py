"""/progress, /achievements and /top: read-only views of where the learner stands."""

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import Nav, Screen
from bot.config import BotConfig
from bot.rendering.reply import show
from bot.rendering.standing import achievements_screen, board_screen, report_screen
from bot.services import Services
from domain.learners import Learner

router = Router(name=__name__)
Event = Message | CallbackQuery


@router.message(Command("progress"))
@router.callback_query(Nav.filter(F.screen == Screen.PROGRESS))
async def progress(event: Event, learner: Learner, services: Services) -> None:
    await show(event, report_screen(await services.journey.report(learner)))


@router.message(Command("achievements"))
@router.callback_query(Nav.filter(F.screen == Screen.ACHIEVEMENTS))
async def achievements(event: Event, learner: Learner, services: Services) -> None:
    await show(event, achievements_screen(await services.achievements.showcase(learner.id)))


@router.message(Command("top"))
@router.callback_query(Nav.filter(F.screen == Screen.BOARD))
async def top(event: Event, learner: Learner, services: Services, config: BotConfig) -> None:
    """Reads the cached board only; the scheduler recomputes it."""
    board = await services.leaderboard.board(learner.id, top=config.board_size)
    await show(event, board_screen(board))
