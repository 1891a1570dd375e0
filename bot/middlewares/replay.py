from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update

from bot.middlewares.base import Handler
from domain.ports import Clock, UnitOfWork


class ReplayGuard(BaseMiddleware):
    """Drops a message update that was handled before (Telegram re-delivers after errors).

    The claim commits with the update's own effects, so a failed update stays unclaimed.
    Button presses need no claim: their payload carries the attempt number, which the
    domain already deduplicates, so the hot answer path saves a write.
    """

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        if isinstance(event, Update) and event.message is not None:
            uow: UnitOfWork = data["uow"]
            if not await uow.updates.claim(event.update_id, self._clock.now()):
                return None
        return await handler(event, data)
