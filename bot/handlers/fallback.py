"""What nothing else handled: unknown commands and stale or forged buttons."""

from aiogram import Router
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.i18n import gettext as _


async def unknown(message: Message) -> None:
    await message.answer(_("I do not know that command. /help lists what I can do."))


async def stale_button(query: CallbackQuery, callback_answer: CallbackAnswer) -> None:
    callback_answer.text = _("This button is out of date. Press /start for the menu.")
    callback_answer.show_alert = True


def build_router() -> Router:
    router = Router(name=__name__)
    router.message.register(unknown)
    router.callback_query.register(stale_button)
    return router
