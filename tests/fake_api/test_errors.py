"""The fake refuses what Telegram refuses, and aiogram raises its own exceptions for it."""

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError, TelegramRetryAfter
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from fake_telegram import FakeTelegram
from tests.fake_api.conftest import ADA

KEYBOARD = InlineKeyboardMarkup(
    inline_keyboard=[[InlineKeyboardButton(text="Go", callback_data="go")]]
)


@pytest.fixture
async def chat(fake: FakeTelegram) -> FakeTelegram:
    fake.send_text(ADA, "/start")
    return fake


async def test_same_text_and_markup_is_not_modified(chat: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(ADA.id, "<b>Hi</b>", reply_markup=KEYBOARD)
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(
            "<b>Hi</b>", chat_id=ADA.id, message_id=sent.message_id, reply_markup=KEYBOARD
        )
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_reply_markup(
            chat_id=ADA.id, message_id=sent.message_id, reply_markup=KEYBOARD
        )


async def test_editing_without_markup_drops_the_keyboard(chat: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(ADA.id, "<b>Hi</b>", reply_markup=KEYBOARD)
    edited = await bot.edit_message_text("<b>Hi</b>", chat_id=ADA.id, message_id=sent.message_id)
    assert not isinstance(edited, bool)
    assert edited.reply_markup is None
    assert chat.inline_buttons(chat.last_bot_message(ADA.id)) == []


async def test_bold_and_plain_are_different_content(chat: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(ADA.id, "<b>Hi</b>")
    edited = await bot.edit_message_text("Hi", chat_id=ADA.id, message_id=sent.message_id)
    assert not isinstance(edited, bool)
    assert edited.text == "Hi"
    assert edited.entities is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x" * 4097, "message is too long"),
        ("<b>open", "can't parse entities"),
        ("1 < 2", "can't parse entities"),
        ("<br>", 'Unsupported start tag "br"'),
        ("   ", "message text is empty"),
    ],
)
async def test_bad_text_is_refused(chat: FakeTelegram, bot: Bot, text: str, message: str) -> None:
    with pytest.raises(TelegramBadRequest, match=message):
        await bot.send_message(ADA.id, text)
    assert chat.last_bot_message(ADA.id) is None


async def test_the_longest_message_is_measured_after_markup(chat: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(ADA.id, "<b>" + "x" * 4096 + "</b>")
    assert len(sent.text or "") == 4096


async def test_unknown_and_deleted_messages(chat: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("new", chat_id=ADA.id, message_id=999)
    sent = await bot.send_message(ADA.id, "bye")
    assert await bot.delete_message(ADA.id, sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(ADA.id, sent.message_id)
    assert chat.last_bot_message(ADA.id) is None


async def test_a_stranger_chat_is_not_found(fake: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(777, "hello")


async def test_a_blocked_bot_is_forbidden(chat: FakeTelegram, bot: Bot) -> None:
    chat.block(ADA.id)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(ADA.id, "still there?")
    chat.block(ADA.id, blocked=False)
    assert (await bot.send_message(ADA.id, "welcome back")).text == "welcome back"


async def test_throttled_calls_carry_retry_after(chat: FakeTelegram, bot: Bot) -> None:
    chat.throttle(calls=2, retry_after=7)
    for _ in range(2):
        with pytest.raises(TelegramRetryAfter) as raised:
            await bot.send_message(ADA.id, "spam")
        assert raised.value.retry_after == 7
    assert (await bot.send_message(ADA.id, "calm")).text == "calm"
    assert [call.ok for call in chat.calls("sendMessage")] == [False, False, True]


async def test_a_callback_query_is_answered_once(chat: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(ADA.id, "Tap", reply_markup=KEYBOARD)
    update_id = chat.press(ADA, sent.message_id, "go")
    query_id = chat.state.queue.history[update_id]["callback_query"]["id"]
    assert await bot.answer_callback_query(query_id, text="done")
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query_id)


async def test_pressing_a_missing_button_is_a_test_error(chat: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(ADA.id, "Tap", reply_markup=KEYBOARD)
    with pytest.raises(LookupError, match="no button"):
        chat.press(ADA, sent.message_id, "forged")
    assert chat.press(ADA, sent.message_id, "forged", check_button=False) > 0


async def test_unknown_methods_are_recorded_and_accepted(fake: FakeTelegram, bot: Bot) -> None:
    assert await bot.set_my_description("Learn things") is True
    assert fake.calls("setMyDescription")[0].params == {"description": "Learn things"}
