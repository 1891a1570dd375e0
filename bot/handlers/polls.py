"""Quiz polls: sending one for a ``form: poll`` challenge, and scoring the learner's vote."""

from aiogram import Bot, Router
from aiogram.types import CallbackQuery, PollAnswer
from aiogram.types.input_poll_option_union import InputPollOptionUnion

from bot.rendering.polls import poll_intro_screen, quiz_poll
from bot.rendering.quiz import feedback_screen
from bot.rendering.reply import show
from bot.services import Services
from domain.learners import Learner
from domain.services import ChallengeStep
from domain.services.commits import before_showing, before_the_vote


async def ask_by_poll(
    query: CallbackQuery, learner: Learner, services: Services, step: ChallengeStep
) -> None:
    """The button's message becomes the poll's heading; the poll is remembered once sent."""
    await show(query, poll_intro_screen(step))
    poll = quiz_poll(step.challenge, learner.id)
    bot = query.bot
    assert bot is not None, "aiogram binds the bot to every update it dispatches"
    sent = await bot.send_poll(
        learner.telegram_id,
        question=poll.question,
        options=list[InputPollOptionUnion](poll.options),
        question_parse_mode=None,
        type="quiz",
        is_anonymous=False,
        correct_option_ids=[poll.correct_option_id],
        explanation=poll.explanation,
        open_period=poll.open_period,
    )
    assert sent.poll is not None, "sendPoll answers with the poll it sent"
    await services.polls.sent(learner, sent.chat.id, step, sent.poll.id, poll.order)
    await before_the_vote(services.uow)


async def vote(answer: PollAnswer, learner: Learner, services: Services, bot: Bot) -> None:
    """Feedback as after a button answer, in a new message; a vote that counts for nothing
    (a foreign or closed poll, a replay) gets no reply."""
    counted = await services.polls.vote(learner, answer.poll_id, answer.option_ids)
    if counted is None:
        return
    await before_showing(services.uow)
    screen = feedback_screen(counted.outcome)
    await bot.send_message(counted.chat_id, screen.text, reply_markup=screen.keyboard)


def build_router() -> Router:
    router = Router(name=__name__)
    router.poll_answer.register(vote)
    return router
