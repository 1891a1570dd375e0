"""The daily goal: today's points against it, and the screen that picks it."""

from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import ngettext
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import GoalCb, Nav, Screen
from bot.rendering.bars import progress_bar
from bot.rendering.common import add_menu_button
from bot.rendering.reply import View
from domain.goals import DAILY_GOALS, DailyProgress


def today_line(today: DailyProgress) -> str:
    """``🎯 Today: ▰▰▱▱▱ 8/20 · 12 points to your goal``, or that the goal is met."""
    bar = progress_bar(today.points, today.goal)
    if today.is_met:
        return _("🎯 Today: {bar} · daily goal met ✅").format(bar=bar)
    left = ngettext("{n} point to your goal", "{n} points to your goal", today.left).format(
        n=today.left
    )
    return _("🎯 Today: {bar} · {left}").format(bar=bar, left=left)


def goal_text(goal: int) -> str:
    return ngettext("🎯 Daily goal: {n} point", "🎯 Daily goal: {n} points", goal).format(n=goal)


def goal_screen(today: DailyProgress) -> View:
    lines = [
        _("<b>Daily goal</b>"),
        "",
        _("How many points do you mean to earn each day? Days follow your time zone."),
        "",
        goal_text(today.goal),
        today_line(today),
    ]
    builder = InlineKeyboardBuilder()
    for points in DAILY_GOALS:
        mark = "✅ " if points == today.goal else ""
        builder.button(text=f"{mark}{points}", callback_data=GoalCb(points=points))
    builder.button(text=_("👤 Profile"), callback_data=Nav(screen=Screen.PROFILE))
    add_menu_button(builder)
    builder.adjust(len(DAILY_GOALS), 1)
    return View("\n".join(lines), builder.as_markup())
