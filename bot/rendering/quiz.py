"""Challenges and their feedback: options shuffled per learner, selections in the payload."""

from collections.abc import Sequence
from functools import partial

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import ngettext
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import ChallengeCb, LessonCb, Nav, PickCb, Screen, SubmitCb, ToggleCb
from bot.rendering.common import escape
from bot.rendering.freezes import earned_line
from bot.rendering.kinds import Payloads, answer_controls, correct_answer_lines
from bot.rendering.markdown import to_telegram_html
from bot.rendering.reply import View
from domain.achievements import Achievement
from domain.freezes import Freezes
from domain.services import AnswerOutcome, ChallengeStep
from domain.streaks import Streak


def challenge_screen(step: ChallengeStep, learner_id: int, mask: int = 0) -> View:
    challenge = step.challenge
    lines = [question_head(step), "", to_telegram_html(challenge.prompt)]
    builder = InlineKeyboardBuilder()
    payloads = Payloads(
        pick=partial(PickCb, challenge_id=challenge.id, attempt=step.attempt),
        tick=partial(
            ToggleCb,
            lesson_id=challenge.lesson_id,
            challenge_id=challenge.id,
            attempt=step.attempt,
        ),
        submit=partial(SubmitCb, challenge_id=challenge.id, attempt=step.attempt),
    )
    lines += answer_controls(builder, challenge, learner_id, mask, payloads)
    builder.button(
        text=_("⬅ Lesson"), callback_data=LessonCb(lesson_id=challenge.lesson_id, page=0)
    )
    builder.adjust(1)
    lines += ["", "<i>" + _("Stuck? /ask a question or /report a problem.") + "</i>"]
    return View("\n".join(lines), builder.as_markup())


def question_head(step: ChallengeStep) -> str:
    head = _("Question {position} of {count}").format(position=step.position, count=step.count)
    return f"<i>{head}</i>"


def feedback_screen(outcome: AnswerOutcome) -> View:
    challenge = outcome.challenge
    lines = [_verdict(outcome), ""]
    if not outcome.is_correct:
        lines += correct_answer_lines(challenge)
    if challenge.explanation:
        lines.append(f"💡 {to_telegram_html(challenge.explanation)}")
    if outcome.lesson_completed:
        lines += [
            "",
            *completion_lines(
                outcome.take_score,
                outcome.new_achievements,
                outcome.streak,
                outcome.level_reached,
                outcome.goal_met,
                outcome.freeze_earned,
                outcome.level_name,
            ),
        ]
    elif _milestone(outcome):
        lines += ["", *achievement_lines(outcome.new_achievements)]
        lines += milestone_lines(
            outcome.level_reached, outcome.goal_met, outcome.freeze_earned, outcome.level_name
        )
    return View("\n".join(lines), _after_answer(outcome))


def _milestone(outcome: AnswerOutcome) -> bool:
    return bool(
        outcome.new_achievements
        or outcome.level_reached
        or outcome.goal_met
        or outcome.freeze_earned
    )


def _verdict(outcome: AnswerOutcome) -> str:
    if outcome.replayed:
        return _("This answer was already counted.")
    if outcome.is_correct:
        return (
            _("✅ Correct!")
            if outcome.attempt == 1
            else _("✅ Correct, on attempt {n}.").format(n=outcome.attempt)
        )
    return _("❌ Not quite.")


def completion_lines(
    score: int | None,
    achievements: Sequence[Achievement],
    streak: Streak | None,
    level: int | None = None,
    goal_met: bool = False,
    freeze: Freezes | None = None,
    level_name: str | None = None,
) -> list[str]:
    lines = [_("🎉 <b>Lesson complete!</b> Score: {score}").format(score=score or 0)]
    lines += achievement_lines(achievements)
    lines += milestone_lines(level, goal_met, freeze, level_name)
    if streak is not None and streak.current > 0:
        days = streak.current
        lines.append(
            ngettext("🔥 Streak: {days} day", "🔥 Streak: {days} days", days).format(days=days)
        )
    return lines


def achievement_lines(achievements: Sequence[Achievement]) -> list[str]:
    return [
        _("{icon} New achievement: <b>{title}</b> (+{points})").format(
            icon=escape(item.icon or "🏅"), title=escape(item.title), points=item.points
        )
        for item in achievements
    ]


def milestone_lines(
    level: int | None,
    goal_met: bool,
    freeze: Freezes | None = None,
    level_name: str | None = None,
) -> list[str]:
    """The announcements of a level reached (with the pack's name for it), of today's goal
    met and of a streak freeze earned, each once."""
    lines = [] if level is None else [_level_reached(level, level_name)]
    if goal_met:
        lines.append(_("🎯 <b>Daily goal met!</b> See you tomorrow."))
    if freeze is not None:
        lines.append(earned_line(freeze))
    return lines


def _level_reached(level: int, name: str | None) -> str:
    if name is None:
        return _("⭐ <b>Level {level} reached!</b>").format(level=level)
    return _("⭐ <b>Level {level} reached: {name}!</b>").format(level=level, name=escape(name))


def _after_answer(outcome: AnswerOutcome) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    lesson_id = outcome.challenge.lesson_id
    if not outcome.is_correct and not outcome.replayed:
        again = ChallengeCb(lesson_id=lesson_id, challenge_id=outcome.challenge.id)
        builder.button(text=_("↻ Try again"), callback_data=again)
    if outcome.next_challenge is not None and not outcome.lesson_completed:
        after = ChallengeCb(lesson_id=lesson_id, challenge_id=outcome.next_challenge.id)
        builder.button(text=_("Next question ▶"), callback_data=after)
    if outcome.lesson_completed or outcome.replayed:
        builder.button(text=_("▶ Continue"), callback_data=Nav(screen=Screen.CONTINUE))
    builder.button(text=_("⬅ Lesson"), callback_data=LessonCb(lesson_id=lesson_id, page=0))
    builder.adjust(1)
    return builder.as_markup()


def continue_keyboard() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=_("▶ Continue"), callback_data=Nav(screen=Screen.CONTINUE))
    builder.button(text=_("🏠 Menu"), callback_data=Nav(screen=Screen.MENU))
    builder.adjust(1)
    return builder.as_markup()


def all_solved_screen() -> View:
    return View(_("🎉 You have solved every question of this lesson."), continue_keyboard())
