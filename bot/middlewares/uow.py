from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject

from bot.middlewares.base import Handler
from bot.services import Services
from domain.ports import Clock, UnitOfWorkFactory


class UnitOfWorkMiddleware(BaseMiddleware):
    """One unit of work per update: committed when the handler succeeds, else rolled back.

    Handlers receive it as ``services``: the domain services bound to this update.
    """

    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, default_timezone: str) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._default_timezone = default_timezone

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        async with self._uow_factory() as uow:
            data["uow"] = uow
            data["services"] = Services(uow, self._clock, self._default_timezone)
            result = await handler(event, data)
            await uow.commit()
            return result
