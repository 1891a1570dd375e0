"""Callback payloads: short prefixes, numbers only, well under Telegram's 64 bytes.

Everything in them is untrusted: handlers re-check every id against published content and
the learner's own state, and a stale ``attempt`` is answered from the record, not counted.
"""

from enum import StrEnum
from typing import Annotated, Any

from aiogram.filters import Filter
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery
from pydantic import Field

from domain.leaderboard import BoardKind

Number = Annotated[int, Field(ge=0, le=2**31 - 1)]
"""Ids, pages, attempts, options and masks: the database's INTEGER range, never negative.
A forged number outside it is an out-of-date button, not a query the database refuses."""
Hour = Annotated[int, Field(ge=0, le=23)]


class Screen(StrEnum):
    MENU = "menu"
    CONTINUE = "go"
    COURSES = "courses"
    PROGRESS = "progress"
    ACHIEVEMENTS = "ach"
    BOARD = "top"
    LEAGUE = "league"
    PROFILE = "me"
    LANGUAGE = "lang"
    REVIEW = "rv"


class Nav(CallbackData, prefix="n"):
    screen: Screen


class ModuleCb(CallbackData, prefix="m"):
    module_id: Number


class LessonCb(CallbackData, prefix="l"):
    lesson_id: Number
    page: Number = 0


class FinishCb(CallbackData, prefix="f"):
    """Last page read: start the challenges, or complete a lesson that has none."""

    lesson_id: Number


class RetakeCb(CallbackData, prefix="r"):
    lesson_id: Number
    take: Number


class ChallengeCb(CallbackData, prefix="c"):
    lesson_id: Number
    challenge_id: Number


class PickCb(CallbackData, prefix="a"):
    """A single-choice answer: the option's index in the challenge, not on the screen."""

    challenge_id: Number
    attempt: Number
    option: Number


class ToggleCb(CallbackData, prefix="t"):
    """A multiple-choice tap: ``mask`` is the selection after the tap, one bit per option."""

    lesson_id: Number
    challenge_id: Number
    attempt: Number
    mask: Number


class SubmitCb(CallbackData, prefix="s"):
    challenge_id: Number
    attempt: Number
    mask: Number


ANSWER_PAYLOAD = "answer_payload"
"""Where the learner middleware leaves a lesson answer's parsed payload for ``ParsedOnce``."""


def answer_payload(data: str | None) -> PickCb | SubmitCb | None:
    """A lesson's answer button's payload (``PickCb``, ``SubmitCb``) parsed and checked as
    its handler's filter checks it, else None (any other payload, or a forged one)."""
    for answer in (PickCb, SubmitCb):
        if data is not None and data.startswith(answer.__prefix__ + answer.__separator__):
            try:
                return answer.unpack(data)
            except (TypeError, ValueError):
                return None
    return None


def answered_challenge(data: str | None) -> int | None:
    """The challenge a lesson's answer button answers, else None: the store's read-ahead
    hint, which the learner middleware takes before the learner is loaded."""
    payload = answer_payload(data)
    return None if payload is None else payload.challenge_id


class ParsedOnce(Filter):
    """``payload.filter()`` for a lesson's answer: the learner middleware has parsed the
    payload already (for its read-ahead hint), so the handler takes that one rather than
    parsing it again; an update the middleware did not see is parsed here."""

    def __init__(self, payload: type[PickCb] | type[SubmitCb]) -> None:
        self._payload = payload
        self._parse = payload.filter()

    async def __call__(
        self, query: CallbackQuery, answer_payload: CallbackData | None = None
    ) -> bool | dict[str, Any]:
        if isinstance(answer_payload, self._payload):
            return {"callback_data": answer_payload}
        return await self._parse(query)


class ReviewPickCb(CallbackData, prefix="ra"):
    """A single-choice review answer; ``review`` is the card's review number when asked."""

    challenge_id: Number
    review: Number
    option: Number


class ReviewToggleCb(CallbackData, prefix="rt"):
    challenge_id: Number
    review: Number
    mask: Number


class ReviewSubmitCb(CallbackData, prefix="rs"):
    challenge_id: Number
    review: Number
    mask: Number


class LanguageCb(CallbackData, prefix="g"):
    code: str


class BoardCb(CallbackData, prefix="b"):
    kind: BoardKind


class HideCb(CallbackData, prefix="h"):
    """Show or hide the learner on the board others see."""

    hidden: bool


class GoalCb(CallbackData, prefix="dg"):
    """A daily goal in points, or None to see the choices."""

    points: Number | None = None


class ReminderCb(CallbackData, prefix="rm"):
    """A reminder hour (local, 0-23), or None to turn reminders off."""

    hour: Hour | None = None
