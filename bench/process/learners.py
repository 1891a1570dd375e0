"""Learners in the fake Telegram: /start once, then answer buttons as fast as the bot replies.

Each press is a callback query with an id of our own, so the wait for the bot's answer
is one set lookup per change of the fake's state.
"""

import itertools
import time
from typing import Any

from bench.support.plans import Step
from bot.callbacks import FinishCb
from fake_telegram import FakeTelegram, User

_query_ids = itertools.count(9_000_000_000_000_000_001)
REPLY_TIMEOUT = 60.0


async def say_start(fake: FakeTelegram, user: User) -> int:
    """/start; returns the id of the bot's reply, the message the answers press buttons on."""
    since = fake.mark()
    fake.send_text(user, "/start")
    call = await fake.wait_for_call(
        "sendMessage",
        lambda c: c.ok and str(c.params.get("chat_id")) == str(user.id),
        since=since,
        timeout=REPLY_TIMEOUT,
    )
    assert call.message is not None
    return call.message.message_id


async def press(fake: FakeTelegram, user: User, message_id: int, step: Step) -> None:
    """Press the answer and wait until the bot has answered the callback query."""
    await _press(fake, user, message_id, step.payload)


async def open_quiz(fake: FakeTelegram, user: User, message_id: int, lesson_id: int) -> None:
    """The lesson's last page read: the bot counts answers only in a lesson opened."""
    await _press(fake, user, message_id, FinishCb(lesson_id=lesson_id).pack())


async def _press(fake: FakeTelegram, user: User, message_id: int, payload: str) -> None:
    query_id = str(next(_query_ids))
    fake.push_raw({"callback_query": _query(fake, user, message_id, query_id, payload)})
    state = fake.state
    await state.changes.wait_for(lambda: query_id not in state.open_queries)


def _query(
    fake: FakeTelegram, user: User, message_id: int, query_id: str, payload: str
) -> dict[str, Any]:
    bot = fake.state.known_bot
    assert bot is not None, "the bot has not called the fake yet"
    message = {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": user.private_chat(),
        "from": bot.to_json(),
        "text": "The question",
    }
    return {
        "id": query_id,
        "from": user.to_json(),
        "chat_instance": str(user.id),
        "message": message,
        "data": payload,
    }
