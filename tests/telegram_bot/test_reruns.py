"""A deadlocked update is run again from the start, a bounded few times, and only while
the learner has seen nothing of it."""

from collections.abc import Iterator
from typing import Any

import pytest
from aiogram import Bot
from aiogram.methods import SendMessage, TelegramMethod
from aiogram.types import CallbackQuery, TelegramObject, User
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.i18n import I18n

from bot.config import LOCALES_DIR, BotConfig
from bot.middlewares.errors import FriendlyErrors
from bot.middlewares.said import NoteWhatIsSaid
from bot.middlewares.uow import ATTEMPTS, UnitOfWorkMiddleware
from domain.errors import StorageConflict
from tests.support.clock import FixedClock
from tests.unit.fakes import FakeCatalogue, FakeUnitOfWork

LEARNER = User(id=7, is_bot=False, first_name="Ada")
BOT = Bot("123456:never-used-for-real")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n = I18n(path=LOCALES_DIR, default_locale="en", domain="messages")
    with i18n.context(), i18n.use_locale("en"):
        yield


class Update:
    """A button press run under the unit-of-work and friendly-errors middlewares, as the
    dispatcher runs it, with a fresh callback answer per run. The handler (or with
    ``at_commit`` the commit after it) deadlocks on the first ``deadlocks`` runs; with
    ``speaks`` the handler calls the Bot API first."""

    def __init__(self, deadlocks: int, *, speaks: bool = False, at_commit: bool = False) -> None:
        self.deadlocks = deadlocks
        self.speaks = speaks
        self.at_commit = at_commit
        self.units: list[Any] = []
        self.answers: list[CallbackAnswer] = []

    async def deliver(self) -> None:
        middleware = UnitOfWorkMiddleware(self._fresh_uow, FixedClock(), BotConfig())
        query = CallbackQuery(id="1", from_user=LEARNER, chat_instance="c", data="x")
        await middleware(self._answered, query, {"event_from_user": LEARNER})

    async def _answered(self, event: TelegramObject, data: dict[str, Any]) -> None:
        self.answers.append(answer := CallbackAnswer(answered=False))
        data["callback_answer"] = answer
        await FriendlyErrors()(self._handler, event, data)

    async def _handler(self, event: TelegramObject, data: dict[str, Any]) -> None:
        self.units.append(data["uow"])
        if self.speaks:
            await NoteWhatIsSaid()(_delivered, BOT, SendMessage(chat_id=LEARNER.id, text="hi"))
        if len(self.units) <= self.deadlocks and not self.at_commit:
            raise StorageConflict("deadlock")

    def _fresh_uow(self) -> FakeUnitOfWork:
        deadlocks = self.at_commit and len(self.units) < self.deadlocks
        return DeadlockedCommit(FakeCatalogue([], [], []), []) if deadlocks else _plain()


class DeadlockedCommit(FakeUnitOfWork):
    async def commit(self) -> None:
        raise StorageConflict("deadlock at commit")


def _plain() -> FakeUnitOfWork:
    return FakeUnitOfWork(FakeCatalogue([], [], []), [])


async def _delivered(bot: Bot, method: TelegramMethod[Any]) -> Any:
    return True


async def test_a_deadlocked_update_runs_again_in_a_fresh_unit_of_work() -> None:
    update = Update(deadlocks=2)

    await update.deliver()

    assert len(update.units) == 3
    assert len({id(unit) for unit in update.units}) == 3
    assert [unit.commits for unit in update.units] == [0, 0, 1]
    assert [answer.disabled for answer in update.answers] == [True, True, False]


async def test_reruns_are_bounded() -> None:
    update = Update(deadlocks=ATTEMPTS + 1)

    with pytest.raises(StorageConflict):
        await update.deliver()

    assert len(update.units) == ATTEMPTS
    assert not any(unit.commits for unit in update.units)


async def test_an_update_that_said_something_is_not_run_again() -> None:
    update = Update(deadlocks=1, speaks=True)

    await update.deliver()

    assert len(update.units) == 1
    assert update.answers[0].text is not None
    assert "try again" in update.answers[0].text


async def test_a_deadlock_at_commit_after_the_learner_saw_something_is_not_run_again() -> None:
    update = Update(deadlocks=1, speaks=True, at_commit=True)

    with pytest.raises(StorageConflict):
        await update.deliver()

    assert len(update.units) == 1


async def test_a_deadlock_at_commit_before_anything_was_said_runs_again() -> None:
    update = Update(deadlocks=1, at_commit=True)

    await update.deliver()

    assert len(update.units) == 2
    assert update.units[1].commits == 1
