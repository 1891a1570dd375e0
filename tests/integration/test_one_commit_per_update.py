"""One update, one transaction: the unit-of-work middleware commits an update's effects and
its replay claim together once the handler has returned, and a handler that fails after a
service wrote leaves nothing behind, its claim included, so Telegram's re-delivery runs it
again. Run through the middlewares the dispatcher stacks, on every backend."""

from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram.types import Chat, Message, TelegramObject, Update, User
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import BotConfig
from bot.middlewares import LearnerMiddleware, ReplayGuard, UnitOfWorkMiddleware
from bot.middlewares.base import Handler
from bot.middlewares.learner import profile_of
from bot.services import Services
from infrastructure.db.models import (
    ActivityRow,
    ProcessedUpdateRow,
    ProgressRow,
    UserRow,
)
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.queries import count_rows

ADA = User(id=9001, is_bot=False, first_name="Ada", language_code="en")
STORED = (UserRow, ActivityRow, ProgressRow, ProcessedUpdateRow)


class ReplyFailed(Exception):
    """The handler's last step fails after its services have written."""


def start(update_id: int) -> Update:
    message = Message(
        message_id=update_id,
        date=datetime(2025, 3, 10, tzinfo=UTC),
        chat=Chat(id=ADA.id, type="private"),
        from_user=ADA,
        text="/start",
    )
    return Update(update_id=update_id, message=message)


class Bot:
    """The outer middlewares of the dispatcher, in its order, around one handler."""

    def __init__(self, uow_factory: UowFactory, clock: FixedClock, course: Course) -> None:
        self._uow = UnitOfWorkMiddleware(uow_factory, clock, BotConfig())
        self._learner = LearnerMiddleware()
        self._guard = ReplayGuard(clock)
        self._course = course
        self.handled = 0

    async def deliver(self, update: Update, *, fails: bool = False) -> None:
        handler = self._opening_a_lesson(fails)

        async def guarded(event: TelegramObject, data: dict[str, Any]) -> Any:
            return await self._guard(handler, event, data)

        async def with_learner(event: TelegramObject, data: dict[str, Any]) -> Any:
            return await self._learner(guarded, event, data)

        await self._uow(with_learner, update, {"event_from_user": ADA})

    def _opening_a_lesson(self, fails: bool) -> Handler:
        """Logs the learner in and opens a lesson (three services' writes), then replies."""

        async def handler(event: TelegramObject, data: dict[str, Any]) -> None:
            self.handled += 1
            services: Services = data["services"]
            learner = await services.learners.log_in(profile_of(ADA))
            await services.progress.start_lesson(learner, self._course.first_lesson)
            await services.leaderboard.set_hidden(learner.id, True)
            if fails:
                raise ReplyFailed("Telegram refused the reply")

        return handler


async def stored(engine: AsyncEngine) -> dict[str, int]:
    return {table.__tablename__: await count_rows(engine, table) for table in STORED}


async def test_a_handler_failing_after_its_services_wrote_leaves_nothing_behind(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    bot = Bot(uow_factory, clock, course)

    with pytest.raises(ReplyFailed):
        await bot.deliver(start(41), fails=True)

    assert await stored(engine) == {
        "users": 0,
        "activity_log": 0,
        "user_progress": 0,
        "processed_updates": 0,
    }


async def test_the_claim_commits_only_with_the_effects_so_a_redelivery_runs_again(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    bot = Bot(uow_factory, clock, course)
    with pytest.raises(ReplyFailed):
        await bot.deliver(start(42), fails=True)

    await bot.deliver(start(42))
    await bot.deliver(start(42))

    assert bot.handled == 2
    assert await stored(engine) == {
        "users": 1,
        "activity_log": 2,
        "user_progress": 1,
        "processed_updates": 1,
    }
