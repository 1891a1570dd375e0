"""Every command of the bot, once: the router tree, the command menu in each language and
/help are all built from ``COMMANDS``, so a new command is one entry here (its handler
lives in its feature module)."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from bot.config import BotConfig
from bot.handlers import admin, inbox, profile, reminders, review, standing, start
from bot.rendering.menu import help_text
from domain.learners import Learner


def _(text: str) -> str:
    """Marks a string for extraction; translated where it is shown."""
    return text


@dataclass(frozen=True, slots=True)
class BotCommandSpec:
    """``menu`` is its description in Telegram's command menu (None: not in the menu);
    ``help`` its line in /help. An admin-only command is in neither for anyone, is listed on
    one line of the admins' /help, and is answered as unknown to everyone else."""

    name: str
    handler: Callable[..., Awaitable[Any]]
    menu: str | None = None
    help: str | None = None
    admin_only: bool = False


async def help_command(message: Message, learner: Learner, config: BotConfig) -> None:
    shown = [c for c in COMMANDS if not c.admin_only or config.is_admin(learner.telegram_id)]
    lines = [command.help for command in shown if command.help is not None]
    admins = [command.name for command in shown if command.admin_only]
    await message.answer(help_text(lines, admins))


COMMANDS: tuple[BotCommandSpec, ...] = (
    BotCommandSpec("start", start.start, _("Main menu"), _("/start – main menu")),
    BotCommandSpec(
        "progress",
        standing.progress,
        _("Your progress and streak"),
        _("/progress – your progress and streak"),
    ),
    BotCommandSpec(
        "achievements",
        standing.achievements,
        _("Earned and locked achievements"),
        _("/achievements – earned and locked achievements"),
    ),
    BotCommandSpec("top", standing.top, _("The leaderboard"), _("/top – the leaderboard")),
    BotCommandSpec(
        "profile",
        profile.profile,
        _("Your profile"),
        _("/profile – your name, language and time zone"),
    ),
    BotCommandSpec(
        "language",
        profile.language,
        _("Interface language"),
        _("/language – change the interface language"),
    ),
    BotCommandSpec(
        "timezone",
        profile.timezone,
        _("Set your time zone"),
        _("/timezone – set your time zone, e.g. /timezone Europe/Berlin"),
    ),
    BotCommandSpec(
        "reminders",
        reminders.reminders,
        _("Daily streak reminders"),
        _("/reminders – a daily reminder to keep your streak"),
    ),
    BotCommandSpec(
        "review",
        review.review_command,
        _("Review what is due"),
        _("/review – questions you answered before, when they are due again"),
    ),
    BotCommandSpec(
        "ask",
        inbox.ask,
        _("Ask the course team"),
        _("/ask – ask the course team a question, e.g. /ask What is a tuple?"),
    ),
    BotCommandSpec(
        "report",
        inbox.ask,
        _("Report a problem with a lesson"),
        _("/report – report a problem with a lesson or question"),
    ),
    BotCommandSpec(
        "forget",
        inbox.forget,
        _("Delete your messages to the course team"),
        _("/forget – delete your messages to the course team"),
    ),
    BotCommandSpec("help", help_command, _("What I can do"), _("/help – this help")),
    BotCommandSpec("stats", admin.stats, admin_only=True),
    BotCommandSpec("inbox", admin.inbox, admin_only=True),
    BotCommandSpec("reply", admin.reply, admin_only=True),
    BotCommandSpec("resolve", admin.resolve, admin_only=True),
)


def build_router() -> Router:
    router = Router(name=__name__)
    for command in COMMANDS:
        only_admins = (admin.IsAdmin(),) if command.admin_only else ()
        router.message.register(command.handler, Command(command.name), *only_admins)
    return router
