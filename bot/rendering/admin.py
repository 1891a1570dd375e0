"""The administrators' dashboard."""

from aiogram.utils.i18n import gettext as _

from bot.rendering.common import escape
from domain.admin import Stats


def stats_text(stats: Stats) -> str:
    learners = stats.learners
    lines = [
        _("<b>Learners</b>: {total} ({active} active)").format(
            total=learners.total, active=learners.active
        ),
        _("Active today: {today} · in 7 days: {week}").format(
            today=learners.seen_today, week=learners.seen_week
        ),
        _("Lessons completed today: {n}").format(n=stats.lessons_completed_today),
        _("Lessons completed in all: {n}").format(n=stats.lessons_completed),
        "",
        _("<b>Most completed lessons</b>"),
    ]
    lines += [
        f"{item.completions} · {escape(item.module)} / {escape(item.title)}"
        for item in stats.top_lessons
    ] or [_("none yet")]
    return "\n".join(lines)
