import asyncio
import logging
import random
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject

from bot.config import BotConfig
from bot.middlewares.base import Handler
from bot.middlewares.said import CURRENT, Said
from bot.services import Services
from domain.errors import StorageConflict
from domain.ports import Clock, UnitOfWorkFactory

ATTEMPTS = 5
BACKOFF = 0.05
"""Seconds; a rerun waits a random part of ``BACKOFF * attempt``, so two updates that
deadlocked each other do not meet again in lockstep."""
log = logging.getLogger(__name__)


class UnitOfWorkMiddleware(BaseMiddleware):
    """One unit of work per update: committed when the handler succeeds, else rolled back.

    This is the update's one commit: services never commit, so the learner's registration,
    a message's replay claim and the handler's effects land together or not at all (a
    handler commits earlier only at a named point of ``domain.services.commits``).
    Handlers receive it as ``services``: the domain services bound to this update. An
    update whose transaction a deadlock undid is run again from the start, a bounded few
    times, but only while the learner has seen nothing of it (see ``bot.middlewares.said``).
    """

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        config: BotConfig,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._config = config

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        for attempt in range(1, ATTEMPTS + 1):
            said = Said()
            token = CURRENT.set(said)
            try:
                return await self._once(handler, event, data)
            except StorageConflict as conflict:
                if said.anything or attempt == ATTEMPTS:
                    raise
                log.info("update run again (attempt %d): %s", attempt + 1, conflict)
                await asyncio.sleep(random.uniform(0, BACKOFF * attempt))
            finally:
                CURRENT.reset(token)
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _once(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        async with self._uow_factory() as uow:
            data["uow"] = uow
            config = self._config
            data["services"] = Services(
                uow,
                self._clock,
                config.default_timezone,
                config.levels,
                config.freezes,
                config.review_scheduler,
                config.review_rules,
            )
            result = await handler(event, data)
            await uow.commit()
            return result
