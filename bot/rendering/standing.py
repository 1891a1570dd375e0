"""The learner's standing: progress report, achievements, the leaderboard."""

from collections.abc import Callable

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import ngettext
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import BoardCb, Nav, Screen
from bot.rendering.bars import progress_bar
from bot.rendering.common import add_menu_button, escape
from bot.rendering.freezes import held_line, kept_lines
from bot.rendering.goal import today_line
from bot.rendering.levels import level_lines
from bot.rendering.reply import View
from domain.achievements import Achievement, Criterion, Showcase
from domain.journey import Report
from domain.leaderboard import Board, BoardKind, LeaderboardEntry
from domain.levels import LevelCurve


def report_screen(report: Report) -> View:
    lines = [_("<b>Your progress</b>"), *kept_lines(report.freezes), ""]
    lines += [*level_lines(report.level), today_line(report.today)]
    lines.append("")
    for item in report.modules:
        lines.append(f"{escape(item.module.title)}\n{progress_bar(item.completed, item.total)}")
    totals = report.totals
    lines += [
        "",
        _("Lessons completed: {n}").format(n=totals.lessons_completed),
        _("Challenges solved: {n}").format(n=totals.challenges_solved),
        _("Points: {n}").format(n=totals.total_score),
        _("🔥 Current streak: {current} · longest: {longest}").format(
            current=report.streak.current, longest=report.streak.longest
        ),
    ]
    held = held_line(report.freezes)
    lines += [] if held is None else [held]
    return View("\n".join(lines), _menu_only())


def achievements_screen(showcase: Showcase) -> View:
    items = showcase.items
    earned = [a for a, award in items if award is not None]
    locked = [a for a, award in items if award is None]
    lines = [_("<b>Achievements</b> ({n}/{total})").format(n=len(earned), total=len(items))]
    lines += [_line(a, a.icon or "🏅") for a in earned]
    if locked:
        lines += ["", _("<b>Locked</b>")]
        lines += [
            f"{_line(a, '🔒')}\n   <i>{criterion_text(a.criterion, showcase.module_title)}</i>"
            for a in locked
        ]
    return View("\n".join(lines), _menu_only())


def _line(achievement: Achievement, icon: str) -> str:
    return f"{escape(icon)} <b>{escape(achievement.title)}</b> (+{achievement.points})"


def criterion_text(criterion: Criterion | None, module_title: Callable[[str], str]) -> str:
    """What earns a locked achievement; ``module_title`` turns a criterion's slug into words."""
    if criterion is None:
        return _("awarded by the course team")
    if criterion.module is not None:
        title = module_title(criterion.module)
        return _("complete the module “{module}”").format(module=escape(title))
    n = criterion.threshold
    texts = {
        "lessons_completed": ngettext("complete {n} lesson", "complete {n} lessons", n),
        "challenges_solved": ngettext("solve {n} challenge", "solve {n} challenges", n),
        "streak_days": ngettext("study {n} day in a row", "study {n} days in a row", n),
        "total_score": ngettext("reach {n} point", "reach {n} points", n),
    }
    return texts[criterion.metric].format(n=n)


def board_screen(board: Board, levels: LevelCurve) -> View:
    """Each learner's level beside the score, from their all-time points on either board."""
    kind = board.kind
    title = (
        _("<b>Leaderboard · this week</b>")
        if kind is BoardKind.WEEK
        else _("<b>Leaderboard · all time</b>")
    )
    lines = [title, ""]
    lines += [_entry(entry, board, levels) for entry in board.top]
    if not board.top:
        lines.append(_("Nobody is ranked yet: the board refreshes every minute."))
    shown = {entry.user_id for entry in board.top}
    if board.me is not None and board.me.user_id not in shown:
        nearby = sorted(
            [*board.around_me, board.me], key=lambda row: (row.place(kind), row.user_id)
        )
        others = [entry for entry in nearby if entry.user_id not in shown]
        lines += ["…", *(_entry(entry, board, levels) for entry in others)]
    if board.me is None:
        lines += ["", _("You will appear here after your first completed lesson.")]
    return View("\n".join(lines), _board_keyboard(kind))


def _entry(entry: LeaderboardEntry, board: Board, levels: LevelCurve) -> str:
    level = levels.level_of(entry.total_score)
    shown = _("lvl {level}").format(level=level.number) if level.name is None else level.name
    text = _("{place}. {name} — {points} · {level}").format(
        place=entry.place(board.kind),
        name=escape(entry.name),
        points=entry.points(board.kind),
        level=escape(shown),
    )
    me = board.me
    return f"<b>{text} ←</b>" if me is not None and entry.user_id == me.user_id else text


def _board_keyboard(kind: BoardKind) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    other = BoardKind.ALL_TIME if kind is BoardKind.WEEK else BoardKind.WEEK
    label = _("🏆 All time") if other is BoardKind.ALL_TIME else _("📅 This week")
    builder.button(text=label, callback_data=BoardCb(kind=other))
    builder.button(text=_("🛡 League"), callback_data=Nav(screen=Screen.LEAGUE))
    add_menu_button(builder)
    builder.adjust(2, 1)
    return builder.as_markup()


def _menu_only() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    add_menu_button(builder)
    return builder.as_markup()
