"""Review screens: a due card asked as its lesson asks it, and the feedback on the answer."""

from datetime import datetime
from functools import partial

from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import ngettext
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import Nav, ReviewPickCb, ReviewSubmitCb, ReviewToggleCb, Screen
from bot.rendering.common import add_menu_button
from bot.rendering.kinds import Payloads, answer_controls, correct_answer_lines
from bot.rendering.markdown import to_telegram_html
from bot.rendering.quiz import milestone_lines
from bot.rendering.reply import View
from domain.services import ReviewOutcome, ReviewStep


def review_screen(step: ReviewStep, learner_id: int, mask: int = 0) -> View:
    challenge = step.challenge
    count = step.due_count
    head = ngettext("🧠 Review: {count} card due", "🧠 Review: {count} cards due", count)
    lines = [f"<i>{head.format(count=count)}</i>", "", to_telegram_html(challenge.prompt)]
    builder = InlineKeyboardBuilder()
    payloads = Payloads(
        pick=partial(ReviewPickCb, challenge_id=challenge.id, review=step.review),
        tick=partial(ReviewToggleCb, challenge_id=challenge.id, review=step.review),
        submit=partial(ReviewSubmitCb, challenge_id=challenge.id, review=step.review),
    )
    lines += answer_controls(builder, challenge, learner_id, mask, payloads)
    add_menu_button(builder)
    builder.adjust(1)
    return View("\n".join(lines), builder.as_markup())


def review_feedback_screen(outcome: ReviewOutcome, due_left: int, now: datetime) -> View:
    challenge = outcome.challenge
    lines = [_verdict(outcome), ""]
    if not outcome.is_correct:
        lines += correct_answer_lines(challenge)
    if challenge.explanation:
        lines.append(f"💡 {to_telegram_html(challenge.explanation)}")
    if outcome.next_due is not None and not outcome.replayed:
        lines += ["", _next_time(outcome.next_due, now)]
    lines += milestone_lines(None, outcome.goal_met)
    builder = InlineKeyboardBuilder()
    if due_left > 0:
        builder.button(text=_("Next review ▶"), callback_data=Nav(screen=Screen.REVIEW))
    add_menu_button(builder)
    builder.adjust(1)
    return View("\n".join(lines), builder.as_markup())


def nothing_due_screen() -> View:
    builder = InlineKeyboardBuilder()
    add_menu_button(builder)
    text = _(
        "🧠 Nothing to review right now. Questions you have answered come back here "
        "when you are about to forget them."
    )
    return View(text, builder.as_markup())


def _verdict(outcome: ReviewOutcome) -> str:
    if outcome.replayed:
        return _("This answer was already counted.")
    return _("✅ Correct!") if outcome.is_correct else _("❌ Not quite.")


def _next_time(due: datetime, now: datetime) -> str:
    days = (due - now).days
    if days < 1:
        return _("🗓 This question comes back later today.")
    return ngettext(
        "🗓 This question comes back in {days} day.",
        "🗓 This question comes back in {days} days.",
        days,
    ).format(days=days)
