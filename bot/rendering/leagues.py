"""Weekly leagues: the League view of /top, and the week's result told to each member."""

from collections.abc import Callable

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.i18n import I18n, ngettext
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import lazy_gettext as __
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import BoardCb
from bot.rendering.common import add_menu_button, escape
from bot.rendering.reply import View
from domain.leaderboard import BoardKind
from domain.leagues import LeagueResult, LeagueRow, LeagueView, Outcome

TIER_NAMES = (
    __("Bronze"),
    __("Silver"),
    __("Gold"),
    __("Sapphire"),
    __("Ruby"),
    __("Emerald"),
    __("Amethyst"),
    __("Pearl"),
    __("Obsidian"),
    __("Diamond"),
)
"""The bot's own tier names, bottom first; a course pack may name the tiers instead."""


def tier_name(tier: int, pack_name: str | None = None) -> str:
    if pack_name:
        return pack_name
    if tier < len(TIER_NAMES):
        return str(TIER_NAMES[tier])
    return _("Tier {n}").format(n=tier + 1)


def points_text(points: int) -> str:
    return ngettext("{n} point", "{n} points", points).format(n=points)


def league_screen(view: LeagueView | None) -> View:
    if view is None:
        lines = [
            _("<b>League</b>"),
            "",
            _("You are in no league this week. Earn points this week to join one on Monday."),
        ]
        return View("\n".join(lines), _league_keyboard())
    days = ngettext("{n} day left", "{n} days left", view.days_left).format(n=view.days_left)
    name = escape(tier_name(view.tier, view.tier_name))
    lines = [_("<b>League · {tier}</b> · {days}").format(tier=name, days=days), _zones(view), ""]
    lines += [_row(row, view) for row in view.rows]
    lines += ["", _place(view)]
    return View("\n".join(lines), _league_keyboard())


def _zones(view: LeagueView) -> str:
    up = (
        _("Top tier: nobody moves up from here.")
        if view.top_tier
        else ngettext("The top {n} moves up.", "The top {n} move up.", view.promotion_zone).format(
            n=view.promotion_zone
        )
    )
    down_count = view.members - view.demotion_zone
    down = (
        ngettext("The bottom {n} moves down.", "The bottom {n} move down.", down_count).format(
            n=down_count
        )
        if down_count
        else _("Nobody moves down.")
    )
    return f"{up} {down}"


def _row(row: LeagueRow, view: LeagueView) -> str:
    if row.place <= view.promotion_zone:
        mark = "🔼"
    elif row.place > view.demotion_zone:
        mark = "🔽"
    else:
        mark = "▫️"
    text = _("{mark} {place}. {name} — {points}").format(
        mark=mark, place=row.place, name=escape(row.member.name), points=row.member.score
    )
    return f"<b>{text} ←</b>" if row.member.user_id == view.me.member.user_id else text


def _place(view: LeagueView) -> str:
    place = view.me.place
    where = _("Your place: {place} of {members}.").format(place=place, members=view.members)
    if place <= view.promotion_zone:
        return f"{where} " + _("You are in the promotion zone.")
    if place > view.demotion_zone:
        return f"{where} " + _("You are in the demotion zone.")
    return where


def _league_keyboard() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=_("🏆 All time"), callback_data=BoardCb(kind=BoardKind.ALL_TIME))
    builder.button(text=_("📅 This week"), callback_data=BoardCb(kind=BoardKind.WEEK))
    add_menu_button(builder)
    builder.adjust(2, 1)
    return builder.as_markup()


def result_text(result: LeagueResult) -> str:
    """Plain text: the notifier sends it without HTML."""
    values = {
        "place": result.place,
        "points": points_text(result.score),
        "tier": tier_name(result.tier, result.tier_name),
        "new_tier": tier_name(result.new_tier, result.new_tier_name),
    }
    if result.outcome is Outcome.PROMOTED:
        text = _(
            "🏆 The week is over: you finished #{place} in the {tier} league with {points} "
            "and move up to the {new_tier} league!"
        )
    elif result.outcome is Outcome.DEMOTED:
        text = _(
            "The week is over: you finished #{place} in the {tier} league with {points} and "
            "move down to the {new_tier} league. A new week, a new chance!"
        )
    else:
        text = _(
            "The week is over: you finished #{place} in the {tier} league with {points} and "
            "stay in it. A new week has begun!"
        )
    return text.format(**values)


def result_texts(i18n: I18n) -> Callable[[LeagueResult], str]:
    """The result in each learner's language (else the default), outside any update."""

    def text(result: LeagueResult) -> str:
        code = (result.locale or "").split("-")[0].lower()
        locale = code if code in i18n.available_locales else i18n.default_locale
        with i18n.context(), i18n.use_locale(locale):
            return result_text(result)

    return text
