"""The bot as a learner meets it: the real dispatcher over the in-memory fakes, answering
in-process, so a test reads what was said without a database or a Bot API server."""

import itertools
from typing import Any

from aiogram.filters.callback_data import CallbackData
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage

from bot.callbacks import ChallengeCb, FinishCb, PickCb, SubmitCb
from bot.client import bot_on
from bot.config import BotConfig
from bot.dispatcher import build_dispatcher
from tests.fuzz.session import LocalSession
from tests.support.clock import FixedClock
from tests.unit.course import (
    ACHIEVEMENTS,
    CHALLENGES,
    LESSONS,
    MODULES,
    PICK_MANY,
    PICK_ONE,
    TYPE_IT,
    VARIABLES,
)
from tests.unit.fakes import FakeCatalogue, FakeUnitOfWork

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "learnbot"}
SAID = (SendMessage, EditMessageText, AnswerCallbackQuery)


class Chat:
    """One learner's private chat; ``said`` holds what the bot said since the last input."""

    def __init__(
        self, language_code: str = "en", config: BotConfig | None = None, *, admin: bool = False
    ) -> None:
        self.uow = FakeUnitOfWork(FakeCatalogue(MODULES, LESSONS, CHALLENGES), ACHIEVEMENTS)
        self.session = LocalSession()
        self.clock = FixedClock()
        config = config or BotConfig(admin_ids=frozenset({9001} if admin else ()))
        self.dispatcher, _ = build_dispatcher(lambda: self.uow, self.clock, config)
        self.bot = bot_on(self.session, "4242:chat")
        self.user = {"id": 9001, "is_bot": False, "first_name": "Ada"}
        self.user["language_code"] = language_code
        self._ids = itertools.count(1)

    async def say(self, text: str) -> list[str]:
        message = {"message_id": next(self._ids), "date": 0, "from": self.user, "text": text}
        return await self._feed({"message": message | {"chat": self._chat()}})

    async def press(self, data: CallbackData) -> list[str]:
        """A button on the bot's last screen."""
        shown = {"message_id": 1, "date": 0, "chat": self._chat(), "from": BOT_USER, "text": "…"}
        query = {"id": f"q{next(self._ids)}", "from": self.user, "chat_instance": "chat"}
        return await self._feed({"callback_query": query | {"data": data.pack(), "message": shown}})

    async def _feed(self, update: dict[str, Any]) -> list[str]:
        self.session.calls.clear()
        await self.dispatcher.feed_raw_update(self.bot, {"update_id": next(self._ids)} | update)
        calls = [call for call in self.session.calls if isinstance(call, SAID)]
        return [call.text for call in calls if call.text]

    def _chat(self) -> dict[str, Any]:
        return {"id": self.user["id"], "type": "private"}


async def complete_variables(chat: Chat) -> str:
    """Every question of the Variables lesson right at the first try: 22 points and two
    achievements of 5, so 32 points, level 2 on the default curve; the last feedback."""
    await chat.press(FinishCb(lesson_id=VARIABLES))
    await chat.press(PickCb(challenge_id=PICK_ONE, attempt=1, option=1))
    await chat.press(SubmitCb(challenge_id=PICK_MANY, attempt=1, mask=0b101))
    await chat.press(ChallengeCb(lesson_id=VARIABLES, challenge_id=TYPE_IT))
    return "\n".join(await chat.say("print"))
