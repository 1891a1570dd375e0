"""Challenges: showing one, and taking answers by button or by typed text."""

from datetime import UTC, datetime

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _

from bot.callbacks import ChallengeCb, ParsedOnce, PickCb, SubmitCb, ToggleCb
from bot.handlers.polls import ask_by_poll
from bot.rendering.kinds import ticked, within
from bot.rendering.quiz import all_solved_screen, challenge_screen, feedback_screen
from bot.rendering.reply import show
from bot.rendering.review import review_feedback_screen
from bot.services import Services
from domain.catalogue import Submission
from domain.learners import Learner
from domain.services.commits import before_showing

MAX_TYPED_ANSWER = 500


async def ask(
    event: CallbackQuery,
    learner: Learner,
    services: Services,
    lesson_id: int,
    challenge_id: int | None = None,
    mask: int = 0,
) -> None:
    """Show a challenge; a text one also becomes what the learner's next message answers,
    and a quiz poll one is sent as a poll."""
    step = await services.put_challenge(learner, lesson_id, challenge_id)
    await before_showing(services.uow)
    if step is None:
        await show(event, all_solved_screen())
        return
    if step.challenge.is_poll:
        await ask_by_poll(event, learner, services, step)
        return
    await show(event, challenge_screen(step, learner.id, within(mask, step.challenge)))


async def challenge(
    query: CallbackQuery, callback_data: ChallengeCb, learner: Learner, services: Services
) -> None:
    await ask(query, learner, services, callback_data.lesson_id, callback_data.challenge_id)


async def toggle(
    query: CallbackQuery, callback_data: ToggleCb, learner: Learner, services: Services
) -> None:
    data = callback_data
    await ask(query, learner, services, data.lesson_id, data.challenge_id, data.mask)


async def pick(
    query: CallbackQuery, callback_data: PickCb, learner: Learner, services: Services
) -> None:
    submission = Submission(selected=frozenset({callback_data.option}))
    data = callback_data
    await _answer(query, learner, services, data.challenge_id, submission, data.attempt, True)


async def submit(
    query: CallbackQuery, callback_data: SubmitCb, learner: Learner, services: Services
) -> None:
    mask = callback_data.mask
    submission = Submission(selected=ticked(mask))
    await _answer(
        query, learner, services, callback_data.challenge_id, submission, callback_data.attempt
    )


async def typed_answer(message: Message, learner: Learner, services: Services) -> None:
    """A typed message answers the text challenge on screen: the lesson's, else a review
    card's (whichever went up last, docs/review.md); anything else gets a hint."""
    pending = learner.pending_challenge_id
    text = None if message.text is None else message.text[:MAX_TYPED_ANSWER]
    if pending is not None and text is not None:
        await _answer(message, learner, services, pending, Submission(text=text), None)
    elif text is None or not await _review_answer(message, learner, services, text):
        await message.answer(
            _("Use the buttons, or /start for the menu and /help for the commands.")
        )


async def _review_answer(message: Message, learner: Learner, services: Services, text: str) -> bool:
    """Answers the typed review card waiting for a message; False when none waits."""
    review = services.review
    outcome = None if review is None else await review.answer_typed(learner, text)
    if review is None or outcome is None:
        return False
    left = await review.due_count(learner)
    await before_showing(services.uow)
    await show(message, review_feedback_screen(outcome, left, services.clock.now()))
    return True


async def _answer(
    event: CallbackQuery | Message,
    learner: Learner,
    services: Services,
    challenge_id: int,
    submission: Submission,
    attempt: int | None,
    timed: bool = False,
) -> None:
    """Committed before the feedback is shown (``before_showing``: a learner never sees
    "Correct!" for an answer that a database outage then loses); a correct answer to the
    awaited text challenge ends the wait in the same write. ``timed``: a one-tap answer,
    whose speed rates its review (a multiple choice's screen is edited by every tick, a
    typed answer's never)."""
    shown = shown_at(event) if timed and isinstance(event, CallbackQuery) else None
    outcome = await services.progress.answer(
        learner, challenge_id, submission, attempt, shown_at=shown
    )
    await before_showing(services.uow)
    await show(event, feedback_screen(outcome))


def shown_at(query: CallbackQuery) -> datetime | None:
    """When the question was put up: the last edit of the message the button is on (the
    screens edit one message in place), else when it was sent."""
    message = query.message
    if not isinstance(message, Message):
        return None
    moment = message.edit_date or message.date
    return datetime.fromtimestamp(moment, UTC) if isinstance(moment, int) else moment


def build_answers_router() -> Router:
    """The lesson's buttons, most pressed first: routed ahead of every other feature
    (``bot.handlers.ANSWERS``), their payloads' prefixes being the lesson's own."""
    router = Router(name=f"{__name__}.answers")
    router.callback_query.register(pick, ParsedOnce(PickCb))
    router.callback_query.register(submit, ParsedOnce(SubmitCb))
    router.callback_query.register(toggle, ToggleCb.filter())
    router.callback_query.register(challenge, ChallengeCb.filter())
    return router


def build_router() -> Router:
    """Typed answers, routed after the commands (a command is never a typed answer)."""
    router = Router(name=__name__)
    router.message.register(typed_answer, F.text & ~F.text.startswith("/"))
    return router
