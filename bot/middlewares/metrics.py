import time
from typing import Any, Protocol

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update

from bot.middlewares.base import Handler


class UpdateMetrics(Protocol):
    def observe_update(self, kind: str, seconds: float, ok: bool) -> None: ...


class Measured(BaseMiddleware):
    """Counts and times every update by type, for the operator's /metrics."""

    def __init__(self, metrics: UpdateMetrics) -> None:
        self._metrics = metrics

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        kind = event.event_type if isinstance(event, Update) else type(event).__name__
        started = time.perf_counter()
        ok = False
        try:
            result = await handler(event, data)
            ok = True
            return result
        finally:
            self._metrics.observe_update(kind, time.perf_counter() - started, ok)
