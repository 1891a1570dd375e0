"""Flood control: a 429 is waited out and retried, within limits."""

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramRetryAfter

from bot.retry import RetryAfter
from fake_telegram import FakeTelegram, User

LEARNER = User(77, "Lin")


async def send_through(fake: FakeTelegram, middleware: RetryAfter) -> None:
    session = AiohttpSession(api=TelegramAPIServer.from_base(fake.url))
    session.middleware(middleware)
    bot = Bot("42:retry-test", session=session)
    try:
        await bot.send_message(LEARNER.id, "hello")
    finally:
        await bot.session.close()


async def test_a_429_is_retried_after_the_wait_telegram_asks_for() -> None:
    async with FakeTelegram() as fake:
        fake.send_text(LEARNER, "/start")
        fake.throttle(1, retry_after=1, methods=("sendMessage",))

        await send_through(fake, RetryAfter())

        outcomes = [call.ok for call in fake.calls("sendMessage")]
        assert outcomes == [False, True]


async def test_a_wait_longer_than_allowed_is_not_sat_out() -> None:
    async with FakeTelegram() as fake:
        fake.send_text(LEARNER, "/start")
        fake.throttle(1, retry_after=120, methods=("sendMessage",))

        with pytest.raises(TelegramRetryAfter):
            await send_through(fake, RetryAfter(longest_wait=30))
        assert len(fake.calls("sendMessage")) == 1
