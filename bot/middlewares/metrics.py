import time
from typing import Any, Protocol

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update
from aiogram.types.update import UpdateTypeLookupError

from bot.middlewares.base import Handler


class UpdateMetrics(Protocol):
    def observe_update(self, kind: str, seconds: float, ok: bool) -> None: ...


class Measured(BaseMiddleware):
    """Counts and times every update by type, for the operator's /metrics."""

    def __init__(self, metrics: UpdateMetrics) -> None:
        self._metrics = metrics

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        kind = kind_of(event)
        started = time.perf_counter()
        ok = False
        try:
            result = await handler(event, data)
            ok = True
            return result
        finally:
            self._metrics.observe_update(kind, time.perf_counter() - started, ok)


def kind_of(event: TelegramObject) -> str:
    """The update's type; one this aiogram does not know yet (Telegram adds kinds) is
    counted as "unknown" rather than failing the update."""
    if not isinstance(event, Update):
        return type(event).__name__
    try:
        return event.event_type
    except UpdateTypeLookupError:
        return "unknown"
