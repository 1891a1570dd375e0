"""/reminders: opt in to a daily streak reminder at a chosen local hour, or opt out."""

from aiogram import Router
from aiogram.types import CallbackQuery, Message

from bot.callbacks import ReminderCb
from bot.rendering.reminders import reminders_screen
from bot.rendering.reply import show
from bot.services import Services
from domain.learners import Learner
from domain.reminders import REMINDER_HOURS


async def reminders(message: Message, learner: Learner, services: Services) -> None:
    hour = await services.reminders.chosen_hour(learner.id)
    await show(message, reminders_screen(hour))


async def choose_hour(
    query: CallbackQuery, callback_data: ReminderCb, learner: Learner, services: Services
) -> None:
    """Only the offered hours: the payload is untrusted."""
    hour = callback_data.hour if callback_data.hour in REMINDER_HOURS else None
    await services.reminders.choose(learner.id, hour)
    await show(query, reminders_screen(hour))


def build_router() -> Router:
    router = Router(name=__name__)
    router.callback_query.register(choose_hour, ReminderCb.filter())
    return router
