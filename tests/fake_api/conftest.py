"""A fake Bot API per test, an aiogram Bot pointed at it, and the echo bot polling it."""

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from fake_telegram import FakeTelegram, User
from tests.fake_api.echo import build_dispatcher

TOKEN = "123456:TEST-token_abc"
ADA = User(42, "Ada", "ada", "Lovelace", "en")


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as fake:
        yield fake


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    session = AiohttpSession(api=TelegramAPIServer.from_base(fake.url))
    bot = Bot(TOKEN, session=session, default=DefaultBotProperties(parse_mode="HTML"))
    yield bot
    await bot.session.close()


@pytest.fixture
async def seen() -> list[int]:
    return []


@pytest.fixture
async def polling(fake: FakeTelegram, bot: Bot, seen: list[int]) -> AsyncIterator[FakeTelegram]:
    """The echo bot long-polling the fake; stopped the way `learnbot run` stops."""
    dispatcher = build_dispatcher(seen)
    task = asyncio.create_task(
        dispatcher.start_polling(bot, handle_signals=False, close_bot_session=False)
    )
    await fake.wait_until_polling()
    yield fake
    await dispatcher.stop_polling()
    await task
