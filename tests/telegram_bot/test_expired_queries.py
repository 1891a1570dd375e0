"""A press whose callback was answered already (a double tap or a replay that reached
another replica) is not an error: nothing is logged at ERROR and nobody is answered again."""

import logging

import pytest
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import AnswerCallbackQuery
from aiogram.types import CallbackQuery, ErrorEvent, Update, User
from aiogram.utils.i18n import I18n

from bot.config import LOCALES_DIR
from bot.handlers.errors import on_error

LEARNER = User(id=7, is_bot=False, first_name="Ada", language_code="en")
TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"


def failed_press(error: Exception) -> ErrorEvent:
    """A press without a Bot behind it: answering it again would raise."""
    press = CallbackQuery(id="1", from_user=LEARNER, chat_instance="c", data="menu:top")
    return ErrorEvent(update=Update(update_id=1, callback_query=press), exception=error)


async def test_an_expired_callback_answer_is_logged_quietly_and_not_answered_again(
    caplog: pytest.LogCaptureFixture,
) -> None:
    i18n = I18n(path=LOCALES_DIR, default_locale="en", domain="messages")
    error = TelegramBadRequest(AnswerCallbackQuery(callback_query_id="1"), TOO_OLD)

    with caplog.at_level(logging.INFO):
        await on_error(failed_press(error), i18n)

    assert [r.levelno for r in caplog.records] == [logging.INFO]
    assert "already answered" in caplog.text


async def test_other_bad_requests_are_still_errors(caplog: pytest.LogCaptureFixture) -> None:
    i18n = I18n(path=LOCALES_DIR, default_locale="en", domain="messages")
    error = TelegramBadRequest(AnswerCallbackQuery(callback_query_id="1"), "Bad Request: odd")

    with pytest.raises(RuntimeError), caplog.at_level(logging.INFO):
        await on_error(failed_press(error), i18n)

    assert logging.ERROR in [r.levelno for r in caplog.records]
