"""Whether the update in hand has said anything to Telegram yet.

An update may be run again only while the learner has seen nothing of it: no message, no
edit, no answer to their button. The Bot's request middleware notes every call into a
``Said`` that the unit-of-work middleware puts in a context variable for each attempt.
"""

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.methods import GetUpdates, Response, TelegramMethod


@dataclass
class Said:
    anything: bool = False


CURRENT: ContextVar[Said | None] = ContextVar("said", default=None)


def nothing_said_yet() -> bool:
    said = CURRENT.get()
    return said is not None and not said.anything


class NoteWhatIsSaid(BaseRequestMiddleware):
    """Marks the update being handled (if any) as having said something."""

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[Any],
        bot: Bot,
        method: TelegramMethod[Any],
    ) -> Response[Any]:
        said = CURRENT.get()
        if said is not None and not isinstance(method, GetUpdates):
            said.anything = True
        return await make_request(bot, method)
