"""The main menu and the help text."""

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import Nav, Screen
from bot.rendering.common import escape
from bot.rendering.reply import Screen as View
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


def help_text(is_admin: bool) -> str:
    lines = [
        _("<b>learnbot</b> teaches in short lessons with quick questions."),
        "",
        _("/start – main menu"),
        _("/progress – your progress and streak"),
        _("/achievements – earned and locked achievements"),
        _("/top – the leaderboard"),
        _("/profile – your name, language and time zone"),
        _("/language – change the interface language"),
        _("/timezone – set your time zone, e.g. /timezone Europe/Berlin"),
        _("/reminders – a daily reminder to keep your streak"),
        _("/review – questions you answered before, when they are due again"),
        _("/ask – ask the course team a question, e.g. /ask What is a tuple?"),
        _("/report – report a problem with a lesson or question"),
        _("/forget – delete your messages to the course team"),
        _("/help – this help"),
    ]
    if is_admin:
        lines.append(_("/stats, /inbox, /reply, /resolve – for admins"))
    return "\n".join(lines)
