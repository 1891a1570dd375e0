"""A Bot whose HTTP session answers in-process: the Bot API costs nothing in this benchmark."""

import itertools
import types
from collections import Counter
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import Any, Union, cast, get_args, get_origin

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import AnswerCallbackQuery, SendMessage, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import Chat, Message

from bot.client import bot_on

TOKEN = "123456789:AAbench-token-never-sent-anywhere"


class LocalSession(BaseSession):
    """Canned success for every call that returns True or a Message; counts calls by method,
    and callback answers that carry a text (a refusal, an error or the throttle)."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: Counter[str] = Counter()
        self.refusals = 0
        self._message_ids = itertools.count(1_000)

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> TelegramType:
        self.calls[type(method).__name__] += 1
        if isinstance(method, AnswerCallbackQuery) and method.text:
            self.refusals += 1
        if isinstance(method, SendMessage):
            return cast(TelegramType, self._sent(method))
        if _may_return_true(method):
            return cast(TelegramType, True)
        raise NotImplementedError(f"no canned answer for {type(method).__name__}")

    def _sent(self, method: SendMessage) -> Message:
        chat = Chat(id=int(method.chat_id), type="private")
        now = datetime.now(UTC)
        return Message(message_id=next(self._message_ids), date=now, chat=chat, text=method.text)

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        raise NotImplementedError("the benchmark downloads nothing")
        yield b""

    async def close(self) -> None:
        return None


def _may_return_true(method: TelegramMethod[Any]) -> bool:
    returning = method.__returning__
    if get_origin(returning) in (Union, types.UnionType):
        return bool in get_args(returning)
    return returning is bool


def local_bot() -> tuple[Bot, LocalSession]:
    """Built as ``bot.client.create_bot`` builds it, on the local session."""
    session = LocalSession()
    return bot_on(session, TOKEN), session
