"""The dispatchers under test: the real one from the composition root, and the ceiling.

The ceiling is the same dispatcher minus the database: the middlewares that need no
database (in flight, metrics, language, callback answers, throttle, friendly errors) and
the same feedback rendering, with the challenge looked up in memory and the outcome's
screen shaped as the real one for the same press (``_outcome``). What separates the
two is the database work of an answer, and nothing else.
"""

import functools
from datetime import UTC, datetime

from aiogram import Dispatcher, Router
from aiogram.types import CallbackQuery
from aiogram.utils.callback_answer import CallbackAnswerMiddleware
from aiogram.utils.i18n import I18n

from bench.support.course import Course
from bot.callbacks import PickCb, SubmitCb
from bot.config import LOCALES_DIR
from bot.dispatcher import build_dispatcher, stateless_dispatcher
from bot.middlewares import InFlight, LearnerLocale
from bot.middlewares.errors import FriendlyErrors
from bot.middlewares.metrics import Measured
from bot.middlewares.throttle import Throttle
from bot.rendering.quiz import feedback_screen
from bot.rendering.reply import show
from domain.catalogue import Challenge, Submission
from domain.ports import UnitOfWork
from domain.progress import Progress
from domain.services import AnswerOutcome
from domain.services.progress import next_unsolved
from domain.streaks import Streak
from infrastructure.clock import SystemClock
from infrastructure.observability import Metrics
from infrastructure.settings import Settings
from learnbot.app import Application
from learnbot.telegram import bot_config

SHARED_URL = "sqlite+aiosqlite://"
"""Only the bot's settings matter to the dispatcher; each backend's URL reaches it through
``CurrentApplication``."""
THROTTLE_OFF = 1_000_000_000
"""Simulated learners tap far faster than people; the throttle still runs, never refuses."""


def bench_settings(database_url: str) -> Settings:
    """The process's settings (environment, defaults) with the throttle out of the way."""
    return Settings(database_url=database_url, throttle_actions=THROTTLE_OFF)


class CurrentApplication:
    """The benchmark builds the dispatcher once (building it is not free) and hands it each
    backend's application in turn through this."""

    application: Application | None = None

    def unit_of_work(self) -> UnitOfWork:
        assert self.application is not None, "no backend is being measured"
        return self.application.unit_of_work()


@functools.cache
def _the_dispatcher() -> tuple[Dispatcher, CurrentApplication]:
    current = CurrentApplication()
    config = bot_config(bench_settings(SHARED_URL))
    dispatcher, _ = build_dispatcher(current.unit_of_work, SystemClock(), config, Metrics())
    return dispatcher, current


def real_dispatcher(learnbot: Application) -> Dispatcher:
    """As ``learnbot run`` builds it (``learnbot.telegram.serve``), metrics included."""
    dispatcher, current = _the_dispatcher()
    current.application = learnbot
    return dispatcher


def ceiling_dispatcher(course: Course) -> Dispatcher:
    clock = SystemClock()
    i18n = I18n(path=LOCALES_DIR, default_locale="en", domain="messages")
    dispatcher = stateless_dispatcher()
    dispatcher.update.outer_middleware(InFlight())
    dispatcher.update.outer_middleware(Measured(Metrics()))
    LearnerLocale(i18n).setup(dispatcher)
    dispatcher.callback_query.middleware(CallbackAnswerMiddleware())
    dispatcher.callback_query.middleware(Throttle(clock, THROTTLE_OFF, 10.0))
    dispatcher.callback_query.middleware(FriendlyErrors())
    lessons = {lesson[0].lesson_id: lesson for lesson in course}
    dispatcher.include_router(_in_memory_answers(lessons))
    return dispatcher


def _in_memory_answers(lessons: dict[int, list[Challenge]]) -> Router:
    router = Router(name="ceiling")
    challenges = {c.id: c for lesson in lessons.values() for c in lesson}

    @router.callback_query(PickCb.filter())
    async def pick(query: CallbackQuery, callback_data: PickCb) -> None:
        chosen = frozenset({callback_data.option})
        challenge = challenges[callback_data.challenge_id]
        lesson = lessons[challenge.lesson_id]
        await _feedback(query, lesson, challenge, chosen, callback_data.attempt)

    @router.callback_query(SubmitCb.filter())
    async def submit(query: CallbackQuery, callback_data: SubmitCb) -> None:
        mask = callback_data.mask
        chosen = frozenset(b for b in range(mask.bit_length()) if mask >> b & 1)
        challenge = challenges[callback_data.challenge_id]
        lesson = lessons[challenge.lesson_id]
        await _feedback(query, lesson, challenge, chosen, callback_data.attempt)

    return router


async def _feedback(
    query: CallbackQuery,
    lesson: list[Challenge],
    challenge: Challenge,
    chosen: frozenset[int],
    attempt: int,
) -> None:
    is_correct = challenge.check(Submission(selected=chosen))
    progress = Progress.begin(query.from_user.id, challenge.lesson_id, datetime.now(UTC))
    await show(query, feedback_screen(_outcome(lesson, challenge, is_correct, attempt, progress)))


def _outcome(
    lesson: list[Challenge],
    challenge: Challenge,
    is_correct: bool,
    attempt: int,
    progress: Progress,
) -> AnswerOutcome:
    """The outcome the real service gives the same press of the benchmark's plan (the lesson's
    challenges in order, each wrong once, then right): the next question to solve, and on
    the last one's right answer the lesson completed, with its score and a day's streak.
    Its screen then has the real one's buttons and lines: a ceiling that rendered less
    than the bot would make every ratio to it look worse than it is."""
    at = lesson.index(challenge)
    unsolved = {c.id for c in (lesson[at + 1 :] if is_correct else lesson[at:])}
    if unsolved:
        following = next_unsolved(lesson, challenge, unsolved)
        return AnswerOutcome(challenge, is_correct, attempt, progress, next_challenge=following)
    score = sum(c.points // 2 for c in lesson)
    streak = Streak(current=1, longest=1, studied_today=True)
    return AnswerOutcome(
        challenge,
        is_correct,
        attempt,
        progress,
        lesson_completed=True,
        take_score=score,
        streak=streak,
    )
