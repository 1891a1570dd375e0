"""/review: due cards one at a time, answered like a lesson's challenges: by button, or
a text card by the learner's next typed message (taken in bot.handlers.quiz)."""

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message

from bot.callbacks import Nav, ReviewPickCb, ReviewSubmitCb, ReviewToggleCb, Screen
from bot.handlers.quiz import shown_at
from bot.rendering.kinds import ticked, within
from bot.rendering.reply import show
from bot.rendering.review import nothing_due_screen, review_feedback_screen, review_screen
from bot.services import Services
from domain.catalogue import Submission
from domain.kinds import kind_of
from domain.learners import Learner
from domain.services.commits import before_showing

Event = Message | CallbackQuery


async def due_reviews(services: Services, learner: Learner) -> int:
    """How many cards the menu's review button names (none without a memory model)."""
    review = services.review
    return 0 if review is None else await review.due_count(learner)


async def review_command(message: Message, learner: Learner, services: Services) -> None:
    await ask(message, learner, services)


async def review_button(query: CallbackQuery, learner: Learner, services: Services) -> None:
    await ask(query, learner, services)


async def ask(event: Event, learner: Learner, services: Services, mask: int = 0) -> None:
    review = services.review
    step = None if review is None else await review.next_card(learner)
    if step is None:
        await show(event, nothing_due_screen())
        return
    if review is not None and kind_of(step.challenge.kind).typed:
        await services.learners.await_answer(learner, None)
        await review.wait_for_typed(learner, step)
        await before_showing(services.uow)  # the message typed next finds the wait
    await show(event, review_screen(step, learner.id, mask))


async def toggle(
    query: CallbackQuery, callback_data: ReviewToggleCb, learner: Learner, services: Services
) -> None:
    """Re-asks the same card with the new selection, while it is the one due first."""
    review = services.review
    step = None if review is None else await review.next_card(learner)
    if step is None or step.challenge.id != callback_data.challenge_id:
        await ask(query, learner, services)
        return
    await show(query, review_screen(step, learner.id, within(callback_data.mask, step.challenge)))


async def pick(
    query: CallbackQuery, callback_data: ReviewPickCb, learner: Learner, services: Services
) -> None:
    """One tap: how soon it came after the question was shown can make it an easy one."""
    submission = Submission(selected=frozenset({callback_data.option}))
    data = callback_data
    await _answer(query, learner, services, data.challenge_id, submission, data.review, True)


async def submit(
    query: CallbackQuery, callback_data: ReviewSubmitCb, learner: Learner, services: Services
) -> None:
    mask = callback_data.mask
    submission = Submission(selected=ticked(mask))
    data = callback_data
    await _answer(query, learner, services, data.challenge_id, submission, data.review, False)


async def _answer(
    query: CallbackQuery,
    learner: Learner,
    services: Services,
    challenge_id: int,
    submission: Submission,
    number: int,
    timed: bool,
) -> None:
    review = services.review
    if review is None:
        await show(query, nothing_due_screen())
        return
    shown = shown_at(query) if timed else None
    outcome = await review.answer(learner, challenge_id, submission, number, shown)
    left = await review.due_count(learner)
    await before_showing(services.uow)
    await show(query, review_feedback_screen(outcome, left, services.clock.now()))


def build_answers_router() -> Router:
    """A card's answer buttons, routed ahead of every other feature but the lesson's
    answers (``bot.handlers.ANSWERS``)."""
    router = Router(name=f"{__name__}.answers")
    router.callback_query.register(pick, ReviewPickCb.filter())
    router.callback_query.register(submit, ReviewSubmitCb.filter())
    router.callback_query.register(toggle, ReviewToggleCb.filter())
    return router


def build_router() -> Router:
    """The menu's review button; /review itself is routed by the command table."""
    router = Router(name=__name__)
    router.callback_query.register(review_button, Nav.filter(F.screen == Screen.REVIEW))
    return router
