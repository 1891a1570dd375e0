"""What a learner reads after a command or a button, in English and in Russian."""

import pytest

from bot.callbacks import FinishCb, LanguageCb, SubmitCb
from tests.telegram_bot.chat import Chat
from tests.unit.course import PICK_MANY, VARIABLES


@pytest.mark.parametrize(
    ("language", "example"),
    [("en", "/report The link"), ("ru", "/report Во втором уроке")],
)
async def test_report_without_text_shows_how_to_report(language: str, example: str) -> None:
    (hint,) = await Chat(language).say("/report")

    assert example in hint
    assert "/ask" not in hint


async def test_ask_without_text_shows_how_to_ask() -> None:
    (hint,) = await Chat().say("/ask   ")

    assert "/ask Why" in hint
    assert "/report" not in hint


@pytest.mark.parametrize(
    ("language", "hint"),
    [
        ("en", "Tick at least one option, then press Check."),
        ("ru", "Отметьте хотя бы один вариант и нажмите «Проверить»."),
    ],
)
async def test_check_with_nothing_ticked_asks_for_an_option(language: str, hint: str) -> None:
    chat = Chat(language)

    await chat.press(FinishCb(lesson_id=VARIABLES))
    said = await chat.press(SubmitCb(challenge_id=PICK_MANY, attempt=1, mask=0))

    assert said == [hint]
    assert not chat.uow.saved.answers


async def test_choosing_a_language_confirms_it_in_that_language() -> None:
    chat = Chat("en")

    (russian,) = await chat.press(LanguageCb(code="ru"))
    (english,) = await chat.press(LanguageCb(code="en"))

    assert russian.startswith("✅ Язык интерфейса: Русский\n\n")
    assert "что дальше?" in russian
    assert english.startswith("✅ Interface language: English\n\n")
    assert "what next?" in english
