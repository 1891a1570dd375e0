import logging
from typing import Any

from aiogram import BaseMiddleware
from aiogram.exceptions import TelegramAPIError
from aiogram.types import CallbackQuery, Message, TelegramObject
from aiogram.utils.i18n import gettext as _

from bot.middlewares.base import Handler
from bot.middlewares.said import nothing_said_yet
from domain.errors import (
    ContentUnavailable,
    DomainError,
    InvalidMessage,
    InvalidSubmission,
    NothingChosen,
    StaleAnswer,
    StorageConflict,
    StorageUnavailable,
)
from domain.ports import UnitOfWork

log = logging.getLogger(__name__)


class FriendlyErrors(BaseMiddleware):
    """Turns a refusal or a failure into a polite reply; the update's transaction rolls back.

    Runs inside the callback-answer middleware, so the reply rides on the callback's own
    answer and no spinner is left turning.
    """

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        try:
            return await handler(event, data)
        except DomainError as error:
            await _rollback(data)
            await tell(event, data, refusal_text(error))
        except StorageConflict as error:
            if nothing_said_yet():
                _keep_the_answer_for_the_rerun(data)
                raise
            await _rollback(data)
            await tell(event, data, failure_text(error))
        except Exception as error:
            log_failure(error)
            await _rollback(data)
            await tell(event, data, failure_text(error))
        return None


def _keep_the_answer_for_the_rerun(data: dict[str, Any]) -> None:
    """The update is run again (the unit-of-work middleware): this attempt must not answer
    the button, or the rerun could not."""
    answer = data.get("callback_answer")
    if answer is not None:
        answer.disabled = True


def failure_text(error: BaseException) -> str:
    """An outage is worth waiting out, so it gets its own reply; anything else is our bug."""
    if isinstance(error, StorageUnavailable):
        return _(
            "⏳ Our database is briefly unavailable; your progress is safe. "
            "Please try again in a few seconds."
        )
    if isinstance(error, StorageConflict):
        return _("⏳ That collided with something else and was not saved. Please try again.")
    return _("Something went wrong on our side. Please try again.")


def log_failure(error: BaseException) -> None:
    """An outage is logged in one line (there may be hundreds); a bug with its traceback."""
    if isinstance(error, StorageUnavailable | StorageConflict):
        log.warning("update not handled: %s", error)
    else:
        log.error("update handling failed", exc_info=error)


def refusal_text(error: DomainError) -> str:
    if isinstance(error, ContentUnavailable):
        return _("This is no longer available. Press /start for the menu.")
    if isinstance(error, NothingChosen):
        return _("Tick at least one option, then press Check.")
    if isinstance(error, InvalidSubmission):
        return _("That answer does not fit this question.")
    if isinstance(error, InvalidMessage):
        return _("Please send between 1 and 2000 characters of plain text.")
    if isinstance(error, StaleAnswer):
        return _("This question has moved on. Open it again to answer.")
    return _("That cannot be done.")


async def _rollback(data: dict[str, Any]) -> None:
    uow: UnitOfWork | None = data.get("uow")
    if uow is not None:
        try:
            await uow.rollback()
        except StorageUnavailable:
            pass
        except Exception:
            log.exception("rollback failed")


async def tell(
    event: TelegramObject, data: dict[str, Any], text: str, *, alert: bool = True
) -> None:
    """Says ``text`` on the callback's own answer (an alert or a toast), or as a reply."""
    answer = data.get("callback_answer")
    if isinstance(event, CallbackQuery) and answer is not None:
        answer.text, answer.show_alert = text, alert
        return
    if isinstance(event, Message):
        try:
            await event.answer(text)
        except TelegramAPIError:
            log.warning("could not tell the learner about an error", exc_info=True)
