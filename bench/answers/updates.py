"""Updates as Telegram would deliver them when a learner presses an answer button."""

import functools
import itertools
from datetime import UTC, datetime

from aiogram.types import CallbackQuery, Chat, Message, Update, User

BOT_USER = User(id=123456789, is_bot=True, first_name="learnbot", username="learnbot_bench_bot")
_update_ids = itertools.count(1)


@functools.cache
def learner_user(telegram_id: int) -> User:
    return User(
        id=telegram_id,
        is_bot=False,
        first_name=f"Learner {telegram_id}",
        username=f"learner_{telegram_id}",
        language_code="en",
    )


def button_press(user: User, payload: str) -> Update:
    """A callback query on the question message the learner is looking at."""
    update_id = next(_update_ids)
    question = Message(
        message_id=1,
        date=datetime.now(UTC),
        chat=Chat(id=user.id, type="private"),
        from_user=BOT_USER,
        text="The question",
    )
    query = CallbackQuery(
        id=str(update_id),
        from_user=user,
        chat_instance=str(user.id),
        message=question,
        data=payload,
    )
    return Update(update_id=update_id, callback_query=query)
