"""The ceiling renders what the bot renders: for every press of the benchmark's plan, the
dispatcher without a database edits the message into the same text with the same buttons
as the real one, but for the once-in-a-learner's-life announcements (an achievement, a
level, the day's goal: a handful per learner over a whole course), which depend on the
learner's history. A ceiling that rendered less would make every ratio to it look worse."""

from pathlib import Path
from typing import Any

from aiogram import Bot
from aiogram.methods import EditMessageText, TelegramMethod
from aiogram.types import InlineKeyboardMarkup

from bench.answers.dispatching import bench_settings, ceiling_dispatcher, real_dispatcher
from bench.answers.enrol import course_takers
from bench.answers.load import SimLearner
from bench.answers.local_bot import TOKEN, LocalSession
from bench.answers.updates import through
from bench.support.course import publish_course
from bench.support.databases import fresh_database
from bench.support.plans import answer_plan
from bot.client import bot_on
from learnbot.app import application

Screen = tuple[str, tuple[str, ...]]
ANNOUNCEMENTS = ("🏅", "⭐", "🎯", "❄")


def routine(screen: Screen) -> Screen:
    text, buttons = screen
    lines = [line for line in text.split("\n") if not line.startswith(ANNOUNCEMENTS)]
    return "\n".join(lines), buttons


class ScreenRecorder(LocalSession):
    def __init__(self) -> None:
        super().__init__()
        self.screens: list[Screen] = []

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> Any:
        if isinstance(method, EditMessageText):
            markup = method.reply_markup
            assert isinstance(markup, InlineKeyboardMarkup)
            buttons = tuple(button.text for row in markup.inline_keyboard for button in row)
            self.screens.append((method.text, buttons))
        return await super().make_request(bot, method, timeout)


async def test_the_ceiling_shows_the_screens_the_bot_shows(tmp_path: Path) -> None:
    url = await fresh_database("sqlite", "parity", tmp_path)
    course = await publish_course(url, tmp_path / "pack", lessons=2)
    real, ceiling = ScreenRecorder(), ScreenRecorder()
    async with application(bench_settings(url)) as learnbot:
        [learner] = await course_takers(learnbot, course, 1)
        answer = through(real_dispatcher(learnbot), bot_on(real, TOKEN))
        for step in list(learner.steps):
            await answer(learner, step)
    answer = through(ceiling_dispatcher(course), bot_on(ceiling, TOKEN))
    twin = SimLearner(learner.telegram_id + 1, answer_plan(course))
    for step in list(twin.steps):
        await answer(twin, step)

    assert len(real.screens) == len(ceiling.screens) == 2 * sum(map(len, course))
    assert any("Lesson complete" in text for text, _ in real.screens)
    for seen, rendered in zip(real.screens, ceiling.screens, strict=True):
        assert rendered == routine(seen)
