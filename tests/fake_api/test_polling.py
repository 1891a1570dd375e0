"""The echo bot long-polls the fake: replies recorded, buttons pressed, updates replayed."""

from aiogram import Bot
from aiogram.types import BotCommand

from fake_telegram import FakeTelegram
from tests.fake_api.conftest import ADA


async def test_a_text_is_answered_and_the_reply_stored(polling: FakeTelegram) -> None:
    polling.send_text(ADA, "hello <world>")
    call = await polling.wait_for_call("sendMessage")
    assert call.params["chat_id"] == str(ADA.id)
    assert call.message is not None
    assert call.message.plain == "echo hello <world>"
    assert call.message.entities == ({"type": "italic", "offset": 0, "length": 4},)
    assert polling.last_bot_message(ADA.id) == call.message


async def test_a_command_carries_its_entity(polling: FakeTelegram) -> None:
    polling.send_text(ADA, "/menu")
    await polling.wait_for_call("sendMessage")
    menu = polling.last_bot_message(ADA.id)
    assert polling.inline_buttons(menu) == [
        [("Apples", "pick:apples"), ("Pears", "pick:pears")],
        [("Docs", None)],
    ]


async def test_a_pressed_button_edits_the_message_and_is_answered(polling: FakeTelegram) -> None:
    polling.send_text(ADA, "/menu")
    menu = (await polling.wait_for_call("sendMessage")).message
    assert menu is not None
    polling.press(ADA, menu.message_id, "pick:pears")
    answer = await polling.wait_for_call("answerCallbackQuery")
    assert answer.ok
    assert answer.params["text"] == "pears!"
    edited = polling.message(ADA.id, menu.message_id)
    assert edited is not None
    assert edited.plain == "You picked pears"
    assert edited.edit_date is not None


async def test_pressing_the_same_button_twice_is_not_modified(
    polling: FakeTelegram,
) -> None:
    polling.send_text(ADA, "/menu")
    menu = (await polling.wait_for_call("sendMessage")).message
    assert menu is not None
    polling.press(ADA, menu.message_id, "pick:apples")
    await polling.wait_for_call("answerCallbackQuery")
    polling.press(ADA, menu.message_id, "pick:apples")
    refused = await polling.wait_for_call("editMessageText", lambda call: not call.ok)
    assert refused.description is not None
    assert refused.description.startswith("Bad Request: message is not modified")


async def test_a_replayed_update_is_delivered_twice(polling: FakeTelegram, seen: list[int]) -> None:
    first = polling.send_text(ADA, "once")
    await polling.wait_for_call("sendMessage")
    polling.replay(first)
    await polling.wait_for_call("sendMessage")
    await polling.wait_until_idle()
    assert seen == [first, first]
    assert len(polling.calls("sendMessage")) == 2


async def test_commands_are_set_and_read_back(polling: FakeTelegram, bot: Bot) -> None:
    await bot.set_my_commands([BotCommand(command="start", description="Begin")])
    assert [c.command for c in await bot.get_my_commands()] == ["start"]
    await bot.delete_my_commands()
    assert await bot.get_my_commands() == []
    me = await bot.get_me()
    assert (me.id, me.username) == (123456, "learnbot_fake_bot")


async def test_a_replay_behind_a_newer_update_is_delivered_once_each(
    polling: FakeTelegram, seen: list[int]
) -> None:
    first = polling.send_text(ADA, "first")
    await polling.wait_for_call("sendMessage")
    second = polling.send_text(ADA, "second")
    polling.replay(first)
    for text in ("first", "second"):
        await polling.wait_for_call("sendMessage", lambda call, t=text: t in call.params["text"])
    await polling.wait_until_idle()
    assert sorted(seen) == sorted([first, second, first])
    assert len(polling.calls("sendMessage")) == 3
