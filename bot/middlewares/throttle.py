from datetime import timedelta
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User
from aiogram.utils.i18n import gettext as _

from bot.middlewares.base import Handler
from bot.middlewares.errors import tell
from domain.ports import Clock
from domain.throttling import ActionBudget, Verdict


class Throttle(BaseMiddleware):
    """Refuses a learner's taps and messages beyond the budget before any handler writes.

    Registered on both callback queries and messages with one shared budget, inside the
    callback-answer middleware so the refusal rides on the callback's own answer.
    """

    def __init__(self, clock: Clock, limit: int, window_seconds: float) -> None:
        self._clock = clock
        self._budget = ActionBudget(limit, timedelta(seconds=window_seconds))

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        if user is None:
            return await handler(event, data)
        verdict = self._budget.spend(user.id, self._clock.now())
        if verdict is Verdict.ALLOWED:
            return await handler(event, data)
        if verdict is Verdict.REFUSED:
            text = _("Whoa, that was fast! Take a breath and try again in a few seconds.")
            await tell(event, data, text, alert=False)
        return None
