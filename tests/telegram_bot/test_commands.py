"""One command table: the routers, the command menu and /help agree, in both languages."""

import re

import pytest
from aiogram import Router
from aiogram.filters import Command
from aiogram.utils.i18n import I18n

from bot.config import LOCALES_DIR
from bot.dispatcher import menu_commands
from bot.handlers import build_router
from bot.handlers.commands import COMMANDS
from tests.telegram_bot.chat import Chat

LEARNERS = {command.name for command in COMMANDS if not command.admin_only}
ADMINS = {command.name for command in COMMANDS if command.admin_only}


def routed(router: Router) -> set[str]:
    """Every command a message handler of the tree is filtered on."""
    names = {
        str(name)
        for handler in router.message.handlers
        for condition in handler.filters or ()
        if isinstance(condition.callback, Command)
        for name in condition.callback.commands
    }
    for child in router.sub_routers:
        names |= routed(child)
    return names


def listed(help_text: str) -> set[str]:
    return set(re.findall(r"(?<![\w/<])/([a-z]+)\b", help_text))


def test_the_router_tree_routes_exactly_the_table() -> None:
    assert routed(build_router()) == LEARNERS | ADMINS


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_help_lists_the_learners_commands_and_admins_see_theirs(language: str) -> None:
    learner = Chat(language)
    admin = Chat(language, admin=True)

    (for_learner,) = await learner.say("/help")
    (for_admin,) = await admin.say("/help")

    assert listed(for_learner) == LEARNERS
    assert listed(for_admin) == LEARNERS | ADMINS


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_the_menu_is_every_learner_command_described_in_the_language(locale: str) -> None:
    i18n = I18n(path=LOCALES_DIR, default_locale="en", domain="messages")

    menu = menu_commands(i18n, locale)

    assert [command.command for command in menu] == [
        command.name for command in COMMANDS if not command.admin_only
    ]
    descriptions = {command.description for command in menu}
    english = {command.description for command in menu_commands(i18n, "en")}
    assert all(descriptions)
    assert (descriptions == english) == (locale == "en")


async def test_an_admin_command_is_unknown_to_a_learner() -> None:
    (reply,) = await Chat("en").say("/stats")

    assert "I do not know that command" in reply
