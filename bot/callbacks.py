"""Callback payloads: short prefixes, numbers only, well under Telegram's 64 bytes.

Everything in them is untrusted: handlers re-check every id against published content and
the learner's own state, and a stale ``attempt`` is answered from the record, not counted.
"""

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from domain.leaderboard import BoardKind


class Screen(StrEnum):
    MENU = "menu"
    CONTINUE = "go"
    COURSES = "courses"
    PROGRESS = "progress"
    ACHIEVEMENTS = "ach"
    BOARD = "top"
    PROFILE = "me"
    LANGUAGE = "lang"


class Nav(CallbackData, prefix="n"):
    screen: Screen


class ModuleCb(CallbackData, prefix="m"):
    module_id: int


class LessonCb(CallbackData, prefix="l"):
    lesson_id: int
    page: int = 0


class FinishCb(CallbackData, prefix="f"):
    """Last page read: start the challenges, or complete a lesson that has none."""

    lesson_id: int


class RetakeCb(CallbackData, prefix="r"):
    lesson_id: int
    take: int


class ChallengeCb(CallbackData, prefix="c"):
    lesson_id: int
    challenge_id: int


class PickCb(CallbackData, prefix="a"):
    """A single-choice answer: the option's index in the challenge, not on the screen."""

    challenge_id: int
    attempt: int
    option: int


class ToggleCb(CallbackData, prefix="t"):
    """A multiple-choice tap: ``mask`` is the selection after the tap, one bit per option."""

    lesson_id: int
    challenge_id: int
    attempt: int
    mask: int


class SubmitCb(CallbackData, prefix="s"):
    challenge_id: int
    attempt: int
    mask: int


class LanguageCb(CallbackData, prefix="g"):
    code: str


class BoardCb(CallbackData, prefix="b"):
    kind: BoardKind


class HideCb(CallbackData, prefix="h"):
    """Show or hide the learner on the board others see."""

    hidden: bool


class ReminderCb(CallbackData, prefix="rm"):
    """A reminder hour (local, 0-23), or None to turn reminders off."""

    hour: int | None = None
