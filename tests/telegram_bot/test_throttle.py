"""The throttle middleware: taps beyond the budget never reach a handler."""

from collections.abc import Iterator
from typing import Any

import pytest
from aiogram.types import CallbackQuery, TelegramObject, User
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.i18n import I18n

from bot.config import LOCALES_DIR
from bot.middlewares.throttle import Throttle
from tests.support.clock import FixedClock

FARMER = User(id=7, is_bot=False, first_name="Bot-like")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n = I18n(path=LOCALES_DIR, default_locale="en", domain="messages")
    with i18n.context(), i18n.use_locale("en"):
        yield


async def tap(throttle: Throttle, handled: list[int], user: User = FARMER) -> CallbackAnswer:
    query = CallbackQuery(id=str(len(handled)), from_user=user, chat_instance="c", data="x")
    answer = CallbackAnswer(answered=False)

    async def handler(event: TelegramObject, data: dict[str, Any]) -> None:
        handled.append(user.id)

    await throttle(handler, query, {"event_from_user": user, "callback_answer": answer})
    return answer


async def test_a_burst_beyond_the_budget_is_refused_politely_once_then_dropped() -> None:
    throttle = Throttle(FixedClock(), limit=20, window_seconds=10)
    handled: list[int] = []

    answers = [await tap(throttle, handled) for _ in range(25)]

    assert len(handled) == 20
    assert all(answer.text is None for answer in answers[:20])
    assert answers[20].text is not None
    assert "try again in a few seconds" in answers[20].text
    assert all(answer.text is None for answer in answers[21:])


async def test_one_learner_flooding_does_not_throttle_another() -> None:
    throttle = Throttle(FixedClock(), limit=3, window_seconds=10)
    handled: list[int] = []
    for _ in range(10):
        await tap(throttle, handled)

    await tap(throttle, handled, User(id=8, is_bot=False, first_name="Human"))

    assert handled.count(8) == 1
    assert handled.count(FARMER.id) == 3
