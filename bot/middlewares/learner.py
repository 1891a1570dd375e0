from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update, User

from bot.callbacks import ANSWER_PAYLOAD, PickCb, SubmitCb, answer_payload
from bot.middlewares.base import Handler
from bot.services import Services
from domain.learners import TelegramProfile


class LearnerMiddleware(BaseMiddleware):
    """Loads or creates the learner once per update; last contact costs at most one write.
    An answer button's update names its challenge, so the store can read ahead for it; its
    payload, parsed for that, is left in ``ANSWER_PAYLOAD`` for the handler's filter."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        if user is None or user.is_bot:
            return None
        services: Services = data["services"]
        answer = _answer(event)
        data[ANSWER_PAYLOAD] = answer
        answering = None if answer is None else answer.challenge_id
        data["learner"] = await services.learners.register(profile_of(user), answering)
        return await handler(event, data)


def _answer(event: TelegramObject) -> PickCb | SubmitCb | None:
    query = event.callback_query if isinstance(event, Update) else None
    return None if query is None else answer_payload(query.data)


NAME_LIMIT = 64
"""Telegram's limit for first and last names; usernames are at most 32 characters."""
USERNAME_LIMIT = 32
LANGUAGE_TAG_LIMIT = 10
"""Longer IETF tags name no language the bot ships; the database keeps ten characters."""


def profile_of(user: User) -> TelegramProfile:
    """The sender as Telegram describes them, held to Telegram's own limits: a client
    that sends more (or a NUL, which PostgreSQL refuses in text) does not fail the update."""
    return TelegramProfile(
        user.id,
        _clean(user.username, USERNAME_LIMIT),
        _clean(user.first_name, NAME_LIMIT),
        _clean(user.last_name, NAME_LIMIT),
        _clean(user.language_code, LANGUAGE_TAG_LIMIT),
    )


def _clean(text: str | None, limit: int) -> str | None:
    return None if text is None else text.replace("\0", "")[:limit]
