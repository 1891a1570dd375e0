"""The dispatcher with its middlewares and routers: built once per process."""

from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.types import BotCommand
from aiogram.utils.callback_answer import CallbackAnswerMiddleware
from aiogram.utils.i18n import I18n

from bot.config import LOCALES_DIR, BotConfig
from bot.handlers import build_router
from bot.handlers.commands import COMMANDS
from bot.middlewares import (
    InFlight,
    LearnerLocale,
    LearnerMiddleware,
    ReplayGuard,
    UnitOfWorkMiddleware,
)
from bot.middlewares.errors import FriendlyErrors
from bot.middlewares.metrics import Measured, UpdateMetrics
from bot.middlewares.throttle import Throttle
from domain.ports import Clock, UnitOfWorkFactory


def build_dispatcher(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    config: BotConfig,
    metrics: UpdateMetrics | None = None,
) -> tuple[Dispatcher, InFlight]:
    """Update-level context first (in flight, unit of work, learner, replay guard), then the
    language, then callback answers, the per-learner throttle and friendly errors around
    each handler."""
    i18n = I18n(path=LOCALES_DIR, default_locale=config.default_locale, domain="messages")
    dispatcher = stateless_dispatcher(config=config, clock=clock)
    in_flight = InFlight()
    dispatcher.update.outer_middleware(in_flight)
    if metrics is not None:
        dispatcher.update.outer_middleware(Measured(metrics))
    services = UnitOfWorkMiddleware(uow_factory, clock, config)
    dispatcher.update.outer_middleware(services)
    dispatcher.update.outer_middleware(LearnerMiddleware())
    dispatcher.update.outer_middleware(ReplayGuard(clock))
    LearnerLocale(i18n).setup(dispatcher)
    throttle = Throttle(clock, config.throttle_actions, config.throttle_window_seconds)
    dispatcher.callback_query.middleware(CallbackAnswerMiddleware())
    dispatcher.callback_query.middleware(throttle)
    dispatcher.message.middleware(throttle)
    dispatcher.callback_query.middleware(FriendlyErrors())
    dispatcher.message.middleware(FriendlyErrors())
    dispatcher.include_router(build_router())
    dispatcher.startup.register(_set_commands)
    dispatcher["i18n_core"] = i18n
    return dispatcher, in_flight


def stateless_dispatcher(**workflow_data: Any) -> Dispatcher:
    """A dispatcher without aiogram's FSM: no handler keeps conversation state there (a
    learner's state lives in the database), yet its middleware would look every update's
    state up and leave an in-memory record for every learner ever seen."""
    return Dispatcher(disable_fsm=True, **workflow_data)


async def _set_commands(bot: Bot, i18n_core: I18n) -> None:
    """The command menu in every shipped language, so Telegram shows the learner's own."""
    for locale in i18n_core.available_locales:
        language = None if locale == i18n_core.default_locale else locale
        await bot.set_my_commands(menu_commands(i18n_core, locale), language_code=language)


def menu_commands(i18n: I18n, locale: str) -> list[BotCommand]:
    """The commands of the table with a menu description, in ``locale``."""
    return [
        BotCommand(command=command.name, description=i18n.gettext(command.menu, locale=locale))
        for command in COMMANDS
        if command.menu is not None and not command.admin_only
    ]
