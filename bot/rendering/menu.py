"""The main menu and the help text."""

from collections.abc import Sequence

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import Nav, Screen
from bot.rendering.common import escape
from bot.rendering.reply import View
from domain.learners import Learner


def main_menu(learner: Learner, greeting: bool = False, due_reviews: int = 0) -> View:
    name = learner.display_name
    text = (
        _("Hello, <b>{name}</b>! Ready to learn something today?")
        if greeting
        else _("<b>{name}</b>, what next?")
    ).format(name=escape(name))
    return View(text, menu_keyboard(due_reviews))


def menu_keyboard(due_reviews: int = 0) -> InlineKeyboardMarkup:
    """A review button first when cards are due: what is about to be forgotten comes first."""
    builder = InlineKeyboardBuilder()
    if due_reviews > 0:
        review = _("🧠 Review ({count} due)").format(count=due_reviews)
        builder.button(text=review, callback_data=Nav(screen=Screen.REVIEW))
    builder.button(text=_("▶ Continue"), callback_data=Nav(screen=Screen.CONTINUE))
    builder.button(text=_("📚 Courses"), callback_data=Nav(screen=Screen.COURSES))
    builder.button(text=_("📈 Progress"), callback_data=Nav(screen=Screen.PROGRESS))
    builder.button(text=_("🏅 Achievements"), callback_data=Nav(screen=Screen.ACHIEVEMENTS))
    builder.button(text=_("🏆 Leaderboard"), callback_data=Nav(screen=Screen.BOARD))
    builder.button(text=_("👤 Profile"), callback_data=Nav(screen=Screen.PROFILE))
    builder.adjust(*((1,) if due_reviews > 0 else ()), 1, 2, 2, 1)
    return builder.as_markup()


def help_text(lines: Sequence[str], admin_commands: Sequence[str]) -> str:
    """``lines``: the msgids of the commands' help lines (``bot.handlers.commands``);
    ``admin_commands``: the names of the admin ones this reader may use, on one line."""
    text = [_("<b>learnbot</b> teaches in short lessons with quick questions."), ""]
    text += [_(line) for line in lines]
    if admin_commands:
        names = ", ".join(f"/{name}" for name in admin_commands)
        text.append(_("{commands} – for admins").format(commands=names))
    return "\n".join(text)
