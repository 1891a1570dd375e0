"""``learnbot chat``: the real dispatcher and database, in the terminal, with no Telegram.

The project's fake Bot API runs in-process; the bot polls it like Telegram, and the terminal
plays the learner. Course authors preview a pack this way before learners see it, so the
chat runs what the bot runs around it too: the scheduled jobs, with the fake as Telegram.
"""

import asyncio
import contextlib
import getpass
import logging
import signal
import sys
from collections.abc import Coroutine, Iterator
from typing import Any

from pydantic import SecretStr

from bot.client import create_bot
from bot.dispatcher import build_dispatcher
from fake_telegram import FakeTelegram, User
from fake_telegram.terminal_chat import ReadLine, TerminalLines, WriteLine, run_terminal_chat
from infrastructure.scheduler import refresh_leaderboard
from infrastructure.settings import Settings
from learnbot.app import Application, ready_application
from learnbot.telegram import bot_config

CHAT_TOKEN = "1000000001:offline-chat"
CHAT_USER_ID = 1
QUIET = ("aiohttp.access", "aiogram", "apscheduler", "infrastructure.scheduler")
"""Request, update and job logs would drown the conversation; warnings still show."""


async def chat_in_terminal(settings: Settings) -> None:
    """The chat on this terminal until /quit, end of input (Ctrl-D), Ctrl-C or SIGTERM."""
    talk = chat(settings, TerminalLines(), print, color=sys.stdout.isatty())
    if await _until_signalled(talk):
        print("\nChat ended.")


async def chat(
    settings: Settings, read_line: ReadLine, write_line: WriteLine, *, color: bool = False
) -> None:
    """Raises DatabaseNotReady before the chat opens if the database cannot serve it."""
    async with FakeTelegram() as fake, ready_application(_through(settings, fake)) as learnbot:
        with _quiet(QUIET):
            await _refresh_now(learnbot)
            async with learnbot.scheduler():
                await _converse(learnbot, fake, read_line, write_line, color)


async def _converse(
    learnbot: Application, fake: FakeTelegram, read: ReadLine, write: WriteLine, color: bool
) -> None:
    config = bot_config(learnbot.settings)
    dispatcher, _ = build_dispatcher(learnbot.unit_of_work, learnbot.clock, config)
    bot = create_bot(CHAT_TOKEN, fake.url)
    polling = asyncio.create_task(
        dispatcher.start_polling(bot, handle_signals=False, close_bot_session=False)
    )
    try:
        await fake.wait_until_polling(timeout=10)
        learner = User(CHAT_USER_ID, getpass.getuser().title(), getpass.getuser())
        write("Offline chat: type /start, a button's number, or text. /quit ends it.")
        await run_terminal_chat(fake, learner, read, write, color=color)
    finally:
        await dispatcher.stop_polling()
        await polling
        await bot.session.close()


def _through(settings: Settings, fake: FakeTelegram) -> Settings:
    """The settings with the fake as Telegram, so reminders reach the chat like the bot's."""
    update = {"bot_token": SecretStr(CHAT_TOKEN), "telegram_api_url": fake.url}
    return settings.model_copy(update=update)


async def _refresh_now(learnbot: Application) -> None:
    """The board as it stands when the chat opens; the scheduler keeps it fresh after."""
    settings = learnbot.settings
    await refresh_leaderboard(
        learnbot.unit_of_work, learnbot.clock, settings.default_timezone, learnbot.metrics
    )


@contextlib.contextmanager
def _quiet(names: tuple[str, ...]) -> Iterator[None]:
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


async def _until_signalled(work: Coroutine[Any, Any, None]) -> bool:
    """Runs ``work`` until it ends or SIGINT/SIGTERM stops it at once; True when stopped."""
    loop = asyncio.get_running_loop()
    waiting = asyncio.current_task()
    task = asyncio.create_task(work)
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, task.cancel)
    try:
        await task
    except asyncio.CancelledError:
        if waiting is not None and waiting.cancelling():
            raise
        return True
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
    return False
