"""What a learner reads after a command or a button, in English and in Russian."""

import pytest

from tests.bot.chat import Chat


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
