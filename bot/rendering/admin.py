"""The administrators' dashboard."""

from collections.abc import Sequence

from aiogram.utils.i18n import gettext as _

from bot.rendering.common import escape
from domain.admin import Stats
from domain.enums import InboxKind
from domain.inbox import InboxMessage


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


def inbox_text(items: Sequence[InboxMessage]) -> str:
    if not items:
        return _("The inbox is empty.")
    lines = [_("<b>New in the inbox</b> (answer with /reply, close with /resolve)")]
    for item in items:
        icon = "❓" if item.kind is InboxKind.QUESTION else "⚠️"
        lines += ["", f"{icon} <code>{item.id}</code>", escape(item.text[:300])]
    return "\n".join(lines)
