"""Fields the fuzzers found dangerous, pinned down one by one."""

import pytest
from aiogram.filters.callback_data import CallbackData
from aiogram.types import Update, User

from bot.callbacks import LessonCb, PickCb, ReminderCb
from bot.middlewares.learner import NAME_LIMIT, profile_of
from bot.middlewares.metrics import kind_of


@pytest.mark.parametrize(
    ("payload", "data"),
    [
        (LessonCb, "l:2147483648:0"),
        (LessonCb, "l:-1:0"),
        (PickCb, "a:1:1:" + "9" * 70),
        (ReminderCb, "rm:24"),
        (ReminderCb, "rm:-1"),
    ],
)
def test_numbers_outside_the_database_range_are_not_a_payload(
    payload: type[CallbackData], data: str
) -> None:
    with pytest.raises(ValueError, match="validation error"):
        payload.unpack(data)


def test_the_largest_id_the_database_holds_is_still_a_payload() -> None:
    assert LessonCb.unpack("l:2147483647:0").lesson_id == 2**31 - 1


def test_a_senders_profile_loses_nul_and_what_telegram_would_not_send() -> None:
    user = User(
        id=1, is_bot=False, first_name="A\0da" + "a" * 100, username="u" * 40, language_code="\0en"
    )

    profile = profile_of(user)

    assert profile.first_name == ("Ada" + "a" * 100)[:NAME_LIMIT]
    assert (len(profile.username or ""), profile.language_code) == (32, "en")


def test_an_update_of_a_kind_aiogram_does_not_know_is_counted_as_unknown() -> None:
    update = Update.model_validate({"update_id": 1, "a_kind_from_the_future": {}})

    assert kind_of(update) == "unknown"
