"""A Bot API session that answers in-process, the way Telegram would, and keeps every call.

Fuzzing feeds thousands of updates: a loopback HTTP server per call would make each
example slow. Sent text is still parsed as Telegram parses HTML, so a screen that Telegram
would refuse fails here too, as ``TelegramBadRequest``.
"""

import itertools
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import AnswerCallbackQuery, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import Chat, Message, User

from fake_telegram.errors import ApiError
from fake_telegram.html import parse_html

ALERT_LIMIT = 200
"""Telegram's limit for a callback answer's text."""
MESSAGE_LIMIT = 4096


class LocalSession(BaseSession):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[TelegramMethod[Any]] = []
        self._message_ids = itertools.count(1000)

    def answered(self) -> set[str]:
        return {c.callback_query_id for c in self.calls if isinstance(c, AnswerCallbackQuery)}

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> TelegramType:
        self.calls.append(method)
        self._check(method)
        returning = method.__returning__
        if returning is bool:
            return True  # type: ignore[return-value]
        if returning is User:
            return User(id=bot.id, is_bot=True, first_name="learnbot", username="learnbot")  # type: ignore[return-value]
        chat_id = getattr(method, "chat_id", None)
        if not isinstance(chat_id, int):
            raise TelegramBadRequest(method, f"the fuzz session cannot answer {type(method)}")
        chat = Chat(id=chat_id, type="private")
        text = getattr(method, "text", None)
        return Message(  # type: ignore[return-value]
            message_id=next(self._message_ids), date=datetime.now(UTC), chat=chat, text=text
        )

    @staticmethod
    def _check(method: TelegramMethod[Any]) -> None:
        """The refusals a screen or an alert can earn from Telegram itself."""
        text = getattr(method, "text", None)
        if isinstance(method, AnswerCallbackQuery):
            if text is not None and len(text) > ALERT_LIMIT:
                raise TelegramBadRequest(method, "MESSAGE_TOO_LONG")
            return
        if isinstance(text, str):
            try:
                plain, _ = parse_html(text)
            except ApiError as error:
                raise TelegramBadRequest(method, str(error)) from None
            if len(plain) > MESSAGE_LIMIT:
                raise TelegramBadRequest(method, "message is too long")

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        raise NotImplementedError("the bot downloads no files")
        yield b""

    async def close(self) -> None:
        return None
