from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User

from bot.middlewares.base import Handler
from bot.services import Services
from domain.learners import TelegramProfile


class LearnerMiddleware(BaseMiddleware):
    """Loads or creates the learner once per update; last contact costs at most one write."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        if user is None or user.is_bot:
            return None
        services: Services = data["services"]
        data["learner"] = await services.learners.register(profile_of(user))
        return await handler(event, data)


def profile_of(user: User) -> TelegramProfile:
    return TelegramProfile(
        user.id, user.username, user.first_name, user.last_name, user.language_code
    )
