"""The last line: failures outside the handlers (a database outage while loading the
learner, say). The learner hears back, the log gets the traceback."""

import logging

from aiogram import Router
from aiogram.exceptions import TelegramAPIError
from aiogram.types import ErrorEvent

router = Router(name=__name__)
log = logging.getLogger(__name__)

SORRY = "⚠️ Sorry, something went wrong on our side. Please try again in a moment."


@router.errors()
async def on_error(event: ErrorEvent) -> None:
    log.error("update %s failed", event.update.update_id, exc_info=event.exception)
    try:
        if event.update.callback_query is not None:
            await event.update.callback_query.answer(SORRY, show_alert=True)
        elif event.update.message is not None:
            await event.update.message.answer(SORRY)
    except TelegramAPIError:
        log.warning("could not tell the learner about the failure", exc_info=True)
