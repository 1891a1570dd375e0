"""getUpdates as Telegram serves it: limits, confirmation by offset, long polls that wake."""

import asyncio

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from fake_telegram import FakeTelegram, User
from tests.fake_api.conftest import ADA


async def test_updates_stay_until_confirmed_by_offset(fake: FakeTelegram, bot: Bot) -> None:
    ids = [fake.send_text(ADA, text) for text in ("one", "two", "three")]
    first = await bot.get_updates(limit=2, timeout=0)
    assert [update.update_id for update in first] == ids[:2]
    assert [u.update_id for u in await bot.get_updates(timeout=0)] == ids
    rest = await bot.get_updates(offset=ids[1] + 1, timeout=0)
    assert [update.update_id for update in rest] == ids[2:]
    assert await bot.get_updates(offset=ids[2] + 1, timeout=0) == []
    await fake.wait_until_idle()


async def test_a_long_poll_returns_as_soon_as_an_update_arrives(
    fake: FakeTelegram, bot: Bot
) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await fake.wait_until_polling()
    update_id = fake.send_text(ADA, "/start now")
    async with asyncio.timeout(5):
        updates = await poll
    message = updates[0].message
    assert message is not None
    assert (updates[0].update_id, message.text) == (update_id, "/start now")
    assert message.entities is not None
    assert (message.entities[0].type, message.entities[0].length) == ("bot_command", 6)
    assert message.from_user is not None
    assert message.from_user.username == "ada"


async def test_raw_updates_keep_their_id_and_introduce_the_sender(
    fake: FakeTelegram, bot: Bot
) -> None:
    grace = User(7, "Grace")
    update = {"update_id": 5000, "message": {
        "message_id": 1, "date": 0, "chat": grace.private_chat(),
        "from": grace.to_json(), "text": "raw",
    }}  # fmt: skip
    assert fake.push_raw(update) == 5000
    assert [u.update_id for u in await bot.get_updates(timeout=0)] == [5000]
    assert (await bot.send_message(grace.id, "hi Grace")).chat.id == grace.id
    assert fake.send_text(grace, "next") == 5001


async def test_chat_actions_are_checked(fake: FakeTelegram, bot: Bot) -> None:
    fake.send_text(ADA, "hi")
    assert await bot.send_chat_action(ADA.id, "typing")
    with pytest.raises(TelegramBadRequest, match="wrong parameter action"):
        await bot.send_chat_action(ADA.id, "dancing")


async def test_callback_data_over_64_bytes_is_refused(fake: FakeTelegram, bot: Bot) -> None:
    fake.send_text(ADA, "hi")
    button = InlineKeyboardButton(text="Too much", callback_data="x" * 65)
    markup = InlineKeyboardMarkup(inline_keyboard=[[button]])
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(ADA.id, "Tap", reply_markup=markup)
