"""The bot keeps no conversation state in aiogram's FSM (a learner's state is in the
database), so its updates leave nothing per learner in the process's memory."""

from aiogram.fsm.storage.memory import MemoryStorage

from bot.callbacks import Nav, Screen
from tests.telegram_bot.chat import Chat


async def test_a_learners_updates_leave_no_state_in_process_memory() -> None:
    chat = Chat("en")

    await chat.say("/start")
    await chat.press(Nav(screen=Screen.COURSES))

    storage = chat.dispatcher.fsm.storage
    assert isinstance(storage, MemoryStorage)
    assert not storage.storage
