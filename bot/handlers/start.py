"""/start, the main menu and "Continue"."""

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message

from bot.callbacks import Nav, Screen
from bot.handlers.courses import open_lesson
from bot.handlers.review import due_reviews
from bot.middlewares.learner import profile_of
from bot.rendering.menu import main_menu
from bot.rendering.reply import show
from bot.services import Services
from domain.learners import Learner


async def start(message: Message, services: Services) -> None:
    assert message.from_user is not None
    learner = await services.learners.log_in(profile_of(message.from_user))
    due = await due_reviews(services, learner)
    await show(message, main_menu(learner, greeting=True, due_reviews=due))


async def menu(query: CallbackQuery, learner: Learner, services: Services) -> None:
    await show(query, main_menu(learner, due_reviews=await due_reviews(services, learner)))


async def carry_on(query: CallbackQuery, learner: Learner, services: Services) -> None:
    """Resume where the learner left off: the lesson in progress, else the next new one."""
    lesson = await services.journey.resume(learner)
    if lesson is None:
        await show(query, main_menu(learner))
        return
    await open_lesson(query, learner, services, lesson.id, page=0)


def build_router() -> Router:
    router = Router(name=__name__)
    router.callback_query.register(menu, Nav.filter(F.screen == Screen.MENU))
    router.callback_query.register(carry_on, Nav.filter(F.screen == Screen.CONTINUE))
    return router
