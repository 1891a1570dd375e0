"""``learnbot chat`` with a quiz poll: the author votes by number and gets the bot's feedback."""

import asyncio
import re

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from infrastructure.db.models import AnswerRow, ChallengeRow, table
from learnbot.chat import chat
from tests.integration.conftest import UowFactory
from tests.integration.test_offline_chat import settings_for
from tests.support.course import Course
from tests.support.queries import count_rows

BUTTON = re.compile(r"\[(\d+)\] ([^\[\n]*?)(?=  \[|$)", re.MULTILINE)
"""A numbered button or poll option, as the chat prints them: ``[2] 📚 Courses``."""
SHOWN_TIMEOUT = 30.0
"""A failure timeout: the bot's screens follow each line within a second."""


class Screen:
    """What the chat printed, and a wait for a line to show, woken by each print."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._printed = asyncio.Event()

    def write(self, text: str) -> None:
        self.lines.append(text)
        self._printed.set()

    async def number(self, label: str) -> str:
        """The number the latest screen gives the button or option named ``label``."""
        word = re.compile(rf"(?<!\w){re.escape(label)}(?!\w)")
        async with asyncio.timeout(SHOWN_TIMEOUT):
            while True:
                self._printed.clear()
                found = [n for n, text in self._buttons() if word.search(text)]
                if found:
                    return found[-1]
                await self._printed.wait()

    def _buttons(self) -> list[tuple[str, str]]:
        return [(number, text) for line in self.lines for number, text in BUTTON.findall(line)]


class Presses:
    """Types "/start", then each label's number as the screen shows it; then ends the input."""

    def __init__(self, screen: Screen, labels: list[str]) -> None:
        self._screen = screen
        self._lines = iter(["/start", *labels])
        self._first = True

    async def __call__(self, prompt: str) -> str | None:
        label = next(self._lines, None)
        if label is None or self._first:
            self._first = False
            return label
        return await self._screen.number(label)


async def test_the_author_answers_a_quiz_poll_by_its_number(
    engine: AsyncEngine, uow_factory: UowFactory, course: Course
) -> None:
    async with engine.begin() as connection:
        rows = table(ChallengeRow)
        poll = sa.update(rows).where(rows.c.id == course.single).values(form="poll")
        await connection.execute(poll)
    screen = Screen()
    labels = ["Courses", "Basics", "First", "Start the quiz", "b"]

    await chat(settings_for(engine), Presses(screen, labels), screen.write)

    quiz = next(line for line in screen.lines if line.startswith("📊 Quiz: pick?"))
    assert sorted(line[4:] for line in quiz.splitlines()[1:]) == ["a", "b", "c"]
    assert "✅ Correct!" in screen.lines[-1]
    assert await count_rows(engine, AnswerRow, AnswerRow.is_correct.is_(True)) == 1
