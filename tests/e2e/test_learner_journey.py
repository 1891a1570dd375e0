"""A learner plays through the first module of the example course in the real bot process."""

import asyncio

from fake_telegram import FakeTelegram
from tests.e2e.answers import AnswerKey
from tests.e2e.conftest import run_cli
from tests.e2e.player import Player
from tests.e2e.quiz import answer


async def test_a_learner_completes_the_first_module(
    polling_bot: asyncio.subprocess.Process, fake: FakeTelegram, database: str, ada: Player
) -> None:
    key = AnswerKey(database)
    try:
        greeting = await ada.send("/start")
        assert "ada_l" in greeting.plain
        await ada.press("Courses")
        assert "0/2" in ada.screen.plain
        await ada.press("Getting started")
        await ada.press("Hello, print()")
        while "Start the quiz" not in " ".join(ada.labels()):
            await ada.press("Next ▶")
        await ada.press("Start the quiz")
        assert "Not quite" in await answer(ada, key, right=False)
        await ada.press("Try again")
        assert "Correct, on attempt 2" in await answer(ada, key)
        while "Lesson complete" not in ada.screen.plain:
            await ada.press("Next question")
            assert "Correct" in await answer(ada, key)
        assert "New achievement" in ada.screen.plain
        assert "Level 2 reached!" in ada.screen.plain

        await ada.press("Continue")
        while "Start the quiz" not in " ".join(ada.labels()):
            await ada.press("Next ▶")
        await ada.press("Start the quiz")
        while "Lesson complete" not in await answer(ada, key):
            await ada.press("Next question")
        report = (await ada.send("/progress")).plain
        assert "▰▰▰▰▰ 2/2" in report
        assert "Lessons completed: 2" in report
        assert "Current streak: 1" in report
        assert "⭐ Level 3" in report
        assert (
            await key.count("activity_log", ada.user.id, "activity_type = 'LESSON_COMPLETED'") == 2
        )

        await run_cli(database, "leaderboard", "refresh")
        board = (await ada.send("/top")).plain
        assert "1. ada_l — 70 · lvl 3" in board
        await ada.press("This week")
        assert "this week" in ada.screen.plain
        earned = (await ada.send("/achievements")).plain
        assert "Locked" in earned
    finally:
        await key.close()
