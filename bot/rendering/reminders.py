"""The /reminders screen: the current choice and a button per offered hour."""

from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import ReminderCb
from bot.rendering.common import add_menu_button
from bot.rendering.reply import View
from domain.reminders import REMINDER_HOURS


def reminders_screen(hour: int | None) -> View:
    state = _("off") if hour is None else f"{hour:02d}:00"
    lines = [
        _("<b>Daily reminders</b>"),
        "",
        _(
            "When your streak is alive and you have not studied yet today, I can remind you "
            "once a day at the hour you choose, in your time zone (see /timezone)."
        ),
        "",
        _("Reminders: {state}").format(state=state),
    ]
    builder = InlineKeyboardBuilder()
    for offered in REMINDER_HOURS:
        mark = "✅ " if offered == hour else ""
        builder.button(text=f"{mark}{offered:02d}:00", callback_data=ReminderCb(hour=offered))
    builder.button(text=_("🔕 Off"), callback_data=ReminderCb(hour=None))
    add_menu_button(builder)
    builder.adjust(len(REMINDER_HOURS), 1)
    return View("\n".join(lines), builder.as_markup())
