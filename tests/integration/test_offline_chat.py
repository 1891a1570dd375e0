"""``learnbot chat`` with a real database: the board an author sees fills as the bot's does."""

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Iterator

from sqlalchemy.ext.asyncio import AsyncEngine

from domain.catalogue import Submission
from domain.learners import Learner, TelegramProfile
from domain.services import LearnerService, ProgressService
from infrastructure.review import FsrsScheduler
from infrastructure.settings import Settings
from learnbot.chat import CHAT_USER_ID, chat
from tests.integration.conftest import UowFactory
from tests.support.answering import opened_answer
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.use_cases import committed

TICK_TIMEOUT = 30.0
"""A failure timeout: the job runs every second in this test."""


def typed(*lines: str) -> "ReadLines":
    return ReadLines(iter(lines))


class ReadLines:
    """The learner's lines, one per prompt; the chat waits for each reply before the next."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines

    async def __call__(self, prompt: str) -> str | None:
        return next(self._lines, None)


async def test_the_board_an_author_opens_the_chat_to_is_current(
    engine: AsyncEngine, uow_factory: UowFactory, course: Course, clock: FixedClock
) -> None:
    """Without the leaderboard job the chat said "Nobody is ranked yet" forever."""
    await complete_a_lesson(uow_factory, course, clock)
    screen: list[str] = []

    await chat(settings_for(engine), typed("/top"), screen.append)

    assert_ranked(screen[-1])


async def test_points_earned_during_the_chat_reach_the_board_at_the_next_tick(
    engine: AsyncEngine, uow_factory: UowFactory, course: Course, clock: FixedClock
) -> None:
    refreshed = RefreshWatch()

    async def complete_then_await_a_tick() -> str:
        await complete_a_lesson(uow_factory, course, clock)
        await refreshed.next()
        return "/top"

    screen: list[str] = []
    script = Script([lambda: refreshed.start("/top"), complete_then_await_a_tick])
    try:
        await chat(settings_for(engine, LEADERBOARD_REFRESH_SECONDS=1), script, screen.append)
    finally:
        refreshed.stop()

    first, second = [text for text in screen if text.startswith("Leaderboard")]
    assert "Nobody is ranked yet" in first
    assert_ranked(second)


def settings_for(engine: AsyncEngine, **values: object) -> Settings:
    url = engine.url.render_as_string(hide_password=False)
    return Settings(database_url=url, **{name.lower(): v for name, v in values.items()})


async def complete_a_lesson(uow_factory: UowFactory, course: Course, clock: FixedClock) -> Learner:
    """The author, as the chat's learner, completes the first lesson: 15 points, and 5 for
    the first-lesson achievement."""
    async with uow_factory() as uow:
        author = await committed(LearnerService(uow, clock)).register(
            TelegramProfile(CHAT_USER_ID, "me")
        )
        progress = committed(ProgressService(uow, clock, "UTC"))
        await opened_answer(uow, progress, author, course.single, Submission(frozenset({1})))
        await opened_answer(uow, progress, author, course.text, Submission(text="print"))
    return author


def assert_ranked(board: str) -> None:
    assert board.startswith("Leaderboard · all time"), board
    assert "Nobody is ranked yet" not in board
    assert re.search(r"^1\. .+ — 20 · lvl 1 ←$", board, re.MULTILINE), board


class Script:
    """One step per prompt, each returning the line to type; None once they are used up."""

    def __init__(self, steps: list[Callable[[], Awaitable[str]]]) -> None:
        self._steps = iter(steps)

    async def __call__(self, prompt: str) -> str | None:
        step = next(self._steps, None)
        return None if step is None else await step()


class RefreshWatch(logging.Handler):
    """Sees the scheduler's leaderboard job finish, through the line it logs on each run."""

    LOGGER = logging.getLogger("infrastructure.scheduler.jobs")

    def __init__(self) -> None:
        super().__init__()
        self._ticks = asyncio.Queue[None]()

    async def start(self, line: str) -> str:
        """Called inside the chat, which quiets the jobs' logger: this one line it keeps."""
        self.LOGGER.setLevel(logging.INFO)
        self.LOGGER.addHandler(self)
        return line

    def stop(self) -> None:
        self.LOGGER.removeHandler(self)
        self.LOGGER.setLevel(logging.NOTSET)

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("leaderboard refreshed"):
            self._ticks.put_nowait(None)

    async def next(self) -> None:
        """The next run that starts after this call (one already under way may miss the
        lesson just completed)."""
        while not self._ticks.empty():
            self._ticks.get_nowait()
        async with asyncio.timeout(TICK_TIMEOUT):
            await self._ticks.get()
            await self._ticks.get()


async def test_a_text_card_is_reviewed_by_typing_in_the_chat(
    uow_factory: UowFactory, course: Course, clock: FixedClock, engine: AsyncEngine
) -> None:
    """Answered wrong months ago (the fixed clock): due now, and answered by the next line."""
    async with uow_factory() as uow:
        author = await committed(LearnerService(uow, clock)).register(
            TelegramProfile(CHAT_USER_ID, "me")
        )
        progress = committed(ProgressService(uow, clock, "UTC", scheduler=FsrsScheduler()))
        await opened_answer(uow, progress, author, course.single, Submission(frozenset({1})))
        await opened_answer(uow, progress, author, course.text, Submission(text="echo"))
    screen: list[str] = []

    await chat(settings_for(engine), typed("/review", "print"), screen.append)

    asked = next(text for text in screen if "Type your answer" in text)
    assert "type?" in asked
    assert "✅ Correct!" in screen[-1]
