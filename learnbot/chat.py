"""``learnbot chat``: the real dispatcher and database, in the terminal, with no Telegram.

The project's fake Bot API runs in-process; the bot polls it like Telegram, and the terminal
plays the learner. Course authors preview a pack this way before learners see it.
"""

import asyncio
import getpass
import logging
import sys

from bot.client import create_bot
from bot.dispatcher import build_dispatcher
from bot.fake_api import FakeTelegram, User
from bot.fake_api.terminal_chat import read_stdin, run_terminal_chat
from infrastructure.settings import Settings
from learnbot.app import application
from learnbot.telegram import bot_config

CHAT_TOKEN = "1000000001:offline-chat"
CHAT_USER_ID = 1


QUIET = ("aiohttp.access", "aiogram", "apscheduler")
"""Request and update logs would drown the conversation; warnings still show."""


async def chat(settings: Settings) -> None:
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    config = bot_config(settings)
    async with application(settings) as learnbot, FakeTelegram() as fake:
        dispatcher, _ = build_dispatcher(learnbot.unit_of_work, learnbot.clock, config)
        bot = create_bot(CHAT_TOKEN, fake.url)
        polling = asyncio.create_task(
            dispatcher.start_polling(bot, handle_signals=False, close_bot_session=False)
        )
        try:
            await fake.wait_until_polling(timeout=10)
            learner = User(CHAT_USER_ID, getpass.getuser().title(), getpass.getuser())
            print("Offline chat: type /start, a button's number, or text. /quit ends it.")
            await run_terminal_chat(fake, learner, read_stdin, print, color=sys.stdout.isatty())
        finally:
            await dispatcher.stop_polling()
            await polling
            await bot.session.close()
