"""A challenge as a Telegram quiz poll, and the message above it that keeps the way back."""

from dataclasses import dataclass

from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import ngettext
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import LessonCb
from bot.rendering.kinds import shuffled
from bot.rendering.markdown import to_telegram_html
from bot.rendering.quiz import question_head
from bot.rendering.reply import View
from domain.catalogue import Challenge
from domain.services import ChallengeStep


@dataclass(frozen=True, slots=True)
class QuizPoll:
    """The sendPoll arguments; ``order[i]`` is the challenge's option shown as option ``i``.

    The question and options are plain text (Telegram parses no markup in them); the
    explanation is the challenge's Markdown as Telegram HTML, as on the feedback screen.
    """

    question: str
    options: list[str]
    correct_option_id: int
    order: list[int]
    explanation: str | None
    open_period: int | None


def quiz_poll(challenge: Challenge, learner_id: int) -> QuizPoll:
    """Shuffled per learner as the buttons are, so the right answer is not always first."""
    order = shuffled(challenge.options, learner_id, challenge.id)
    correct = next(i for i, index in enumerate(order) if index in challenge.correct_options)
    explanation = challenge.explanation
    return QuizPoll(
        question=challenge.prompt,
        options=[challenge.options[index] for index in order],
        correct_option_id=correct,
        order=order,
        explanation=None if explanation is None else to_telegram_html(explanation),
        open_period=challenge.open_period,
    )


def poll_intro_screen(step: ChallengeStep) -> View:
    """Where the question's buttons would be: the position, and the way back to the lesson."""
    lines = [question_head(step), "", _("📊 Answer the quiz below.")]
    seconds = step.challenge.open_period
    if seconds is not None:
        lines.append(
            ngettext(
                "⏱ It closes after {seconds} second.",
                "⏱ It closes after {seconds} seconds.",
                seconds,
            ).format(seconds=seconds)
        )
    builder = InlineKeyboardBuilder()
    lesson = LessonCb(lesson_id=step.challenge.lesson_id, page=0)
    builder.button(text=_("⬅ Lesson"), callback_data=lesson)
    return View("\n".join(lines), builder.as_markup())
