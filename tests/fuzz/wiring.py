"""The dispatcher as the composition root builds it, and a bot that answers locally.

It is built once per test session (building it is not free) and each backend's world
points it at its own database.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from aiogram import Bot, Dispatcher

from bot.client import bot_on
from bot.dispatcher import build_dispatcher
from domain.ports import UnitOfWork, UnitOfWorkFactory
from infrastructure.clock import SystemClock
from infrastructure.settings import Settings
from learnbot.telegram import bot_config
from tests.fuzz.session import LocalSession

TOKEN = "4242:fuzz"
BOT_USER = {"id": 4242, "is_bot": True, "first_name": "learnbot"}
APOLOGY = "Something went wrong on our side"


@dataclass
class Kept:
    """The metrics middleware's view: whether each update came through without an error."""

    ok: list[bool] = field(default_factory=list)

    def observe_update(self, kind: str, seconds: float, ok: bool) -> None:
        self.ok.append(ok)


class Target:
    """The unit-of-work factory of the world being fuzzed."""

    def __init__(self) -> None:
        self.factory: UnitOfWorkFactory | None = None

    def __call__(self) -> UnitOfWork:
        assert self.factory is not None, "no world is being fuzzed"
        return self.factory()


@dataclass
class Wiring:
    dispatcher: Dispatcher
    bot: Bot
    session: LocalSession
    outcomes: Kept
    target: Target
    settings: Settings

    def forget(self, errors: list[logging.LogRecord]) -> None:
        """Each example is judged on its own calls, outcomes and log records."""
        self.session.calls.clear()
        self.outcomes.ok.clear()
        errors.clear()

    def assert_no_failure(self, errors: Sequence[logging.LogRecord]) -> None:
        """Nothing escaped the dispatcher, nothing was logged as an error, and nobody was
        told "something went wrong": every input met a handler or a polite refusal."""
        assert all(self.outcomes.ok), "an exception escaped the dispatcher"
        assert not errors, errors[0].getMessage()
        said = [str(getattr(call, "text", "")) for call in self.session.calls]
        assert not [text for text in said if APOLOGY in text]


def wiring() -> Wiring:
    """The throttle is out of reach, so every update meets a handler."""
    settings = Settings(throttle_actions=10**9)
    target, outcomes, session = Target(), Kept(), LocalSession()
    dispatcher, _ = build_dispatcher(target, SystemClock(), bot_config(settings), outcomes)
    bot = bot_on(session, TOKEN)
    return Wiring(dispatcher, bot, session, outcomes, target, settings)
