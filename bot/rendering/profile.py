"""The profile and the language picker."""

from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import GoalCb, HideCb, LanguageCb, Nav, Screen
from bot.config import LANGUAGES
from bot.rendering.common import add_menu_button, escape
from bot.rendering.goal import goal_text
from bot.rendering.levels import level_lines
from bot.rendering.menu import main_menu
from bot.rendering.reply import View
from domain.learners import Learner
from domain.levels import Level


def profile_screen(
    learner: Learner, locale: str, default_timezone: str, hidden: bool, level: Level
) -> View:
    timezone = learner.timezone or _("{zone} (default)").format(zone=default_timezone)
    lines = [
        _("<b>Profile</b>"),
        "",
        _("Name: {name}").format(name=escape(learner.display_name)),
        *level_lines(level),
        goal_text(learner.daily_goal),
        _("Language: {language}").format(language=LANGUAGES.get(locale, locale)),
        _("Time zone: {zone}").format(zone=escape(timezone)),
        _("On the leaderboard: {shown}").format(shown=_("hidden") if hidden else _("shown")),
        "",
        _("Change the time zone with /timezone Europe/Berlin (any IANA name)."),
    ]
    builder = InlineKeyboardBuilder()
    builder.button(text=_("🌐 Language"), callback_data=Nav(screen=Screen.LANGUAGE))
    builder.button(text=_("🎯 Daily goal"), callback_data=GoalCb())
    toggle = _("🙈 Hide me from the board") if not hidden else _("👀 Show me on the board")
    builder.button(text=toggle, callback_data=HideCb(hidden=not hidden))
    add_menu_button(builder)
    builder.adjust(1)
    return View("\n".join(lines), builder.as_markup())


def language_screen() -> View:
    builder = InlineKeyboardBuilder()
    for code, name in LANGUAGES.items():
        builder.button(text=name, callback_data=LanguageCb(code=code))
    add_menu_button(builder)
    builder.adjust(len(LANGUAGES), 1)
    return View(_("Choose the interface language:"), builder.as_markup())


def language_chosen_screen(learner: Learner, code: str) -> View:
    """The menu under a line in the chosen language, which shows at once that the switch worked."""
    menu = main_menu(learner)
    note = _("✅ Interface language: {language}").format(language=LANGUAGES.get(code, code))
    return View(f"{note}\n\n{menu.text}", menu.keyboard)
