"""The last line: failures outside the handlers (a database outage while loading the
learner, or while committing). The learner hears back in their Telegram language; the log
gets the traceback of a bug, and one line for an outage."""

import logging

from aiogram import Router
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.types import ErrorEvent, Update
from aiogram.utils.i18n import I18n

from bot.middlewares.errors import failure_text, log_failure

log = logging.getLogger(__name__)


EXPIRED_QUERY = "query is too old"


async def on_error(event: ErrorEvent, i18n_core: I18n) -> None:
    if is_expired_query(event.exception):
        log.info("a button press was already answered: %s", event.exception)
        return
    log_failure(event.exception)
    with i18n_core.context(), i18n_core.use_locale(telegram_locale(event.update, i18n_core)):
        text = failure_text(event.exception)
    try:
        if event.update.callback_query is not None:
            await event.update.callback_query.answer(text, show_alert=True)
        elif event.update.message is not None:
            await event.update.message.answer(text)
    except TelegramAPIError:
        log.warning("could not tell the learner about the failure", exc_info=True)


def is_expired_query(error: BaseException) -> bool:
    """Telegram refused a callback answer because the press was answered already: a double
    tap or a replay handled by another replica (its first copy counted and was shown), or
    a press older than Telegram keeps. There is no one left to tell and nothing to fix."""
    return isinstance(error, TelegramBadRequest) and EXPIRED_QUERY in error.message


def telegram_locale(update: Update, i18n: I18n) -> str:
    """The learner's stored choice may be out of reach (the failure may be the database), so
    the language Telegram reports is used."""
    event = update.callback_query or update.message
    user = event.from_user if event is not None else None
    code = ((user.language_code if user else None) or "").split("-")[0].lower()
    return code if code in i18n.available_locales else i18n.default_locale


def build_router() -> Router:
    router = Router(name=__name__)
    router.errors.register(on_error)
    return router
