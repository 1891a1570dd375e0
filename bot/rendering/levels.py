"""A learner's level: the number, a bar through the level and the points to the next."""

from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import ngettext

from bot.rendering.bars import progress_bar
from bot.rendering.common import escape
from domain.levels import Level


def level_lines(level: Level) -> list[str]:
    """``⭐ Level 3`` (or ``⭐ Level 3: Explorer`` where the course pack names it) over
    ``▰▰▱▱▱ 12/39 · 27 points to level 4``; the top level says so."""
    head = _("⭐ Level {level}").format(level=level.number)
    if level.name is not None:
        head = _("⭐ Level {level}: {name}").format(level=level.number, name=escape(level.name))
    if level.is_top:
        return [head, _("The top level: there is none higher.")]
    to_next = ngettext(
        "{n} point to level {level}", "{n} points to level {level}", level.to_next
    ).format(n=level.to_next, level=level.number + 1)
    return [head, f"{progress_bar(level.gained, level.span)} · {to_next}"]
