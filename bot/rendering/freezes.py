"""Streak freezes: how many are held, one earned, and the days one kept the streak."""

from aiogram.utils.i18n import gettext as _

from domain.freezes import Freezes


def held_line(freezes: Freezes) -> str | None:
    """``❄️ Streak freezes: 1/2``; nothing when freezes are off."""
    if not freezes.cap:
        return None
    return _("❄️ Streak freezes: {held}/{cap}").format(held=freezes.held, cap=freezes.cap)


def earned_line(freezes: Freezes) -> str:
    return _("❄️ <b>Streak freeze earned!</b> You hold {held}/{cap}.").format(
        held=freezes.held, cap=freezes.cap
    )


def kept_lines(freezes: Freezes) -> list[str]:
    """Told once, the first time the learner looks after a freeze was spent."""
    return [
        _("❄️ Your streak freeze kept your streak on {day}.").format(day=day.isoformat())
        for day in freezes.kept_on
    ]
