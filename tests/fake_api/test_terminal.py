"""Bot messages as terminal text, and typed lines as the learner's actions."""

from typing import Any

import pytest

from fake_telegram import StoredMessage
from fake_telegram.calls import RecordedCall
from fake_telegram.terminal import (
    NoSuchButton,
    Press,
    Quit,
    Send,
    last_with_buttons,
    parse_line,
    render_call,
    render_html,
    render_message,
)

KEYBOARD = {
    "inline_keyboard": [
        [{"text": "Yes", "callback_data": "y"}, {"text": "No", "callback_data": "n"}],
        [{"text": "Docs", "url": "https://example.org"}],
    ]
}


def message(text: str, markup: dict[str, Any] | None = None) -> StoredMessage:
    return StoredMessage(1, 7, text, text, (), "HTML", markup)


def test_html_becomes_ansi_styles_that_nest() -> None:
    rendered = render_html("<b>bold <i>both</i></b> &amp; <code>x</code>")
    assert rendered == ("\x1b[1mbold \x1b[3mboth\x1b[0m\x1b[1m\x1b[0m & \x1b[36mx\x1b[0m")


def test_without_colour_only_the_text_remains() -> None:
    text = render_html('<b>Hi</b> <a href="https://x.org">there</a> &lt;3', color=False)
    assert text == "Hi there (https://x.org) <3"


def test_buttons_are_numbered_row_by_row() -> None:
    rendered = render_message(message("<b>Sure?</b>", KEYBOARD), color=False)
    assert rendered == "Sure?\n[1] Yes  [2] No\n[3] Docs (https://example.org)"


def test_plain_messages_are_shown_as_sent() -> None:
    plain = StoredMessage(1, 7, "<b>literal</b>", "<b>literal</b>")
    assert render_message(plain) == "<b>literal</b>"


@pytest.mark.parametrize(
    ("line", "action"),
    [
        ("2", Press(2)),
        (" 3 ", Press(3)),
        ("4", NoSuchButton(4, 3)),
        ("0", NoSuchButton(0, 3)),
        ("99", NoSuchButton(99, 3)),
        ("\\2", Send("2")),
        ("/start", Send("/start")),
        ("hello there", Send("hello there")),
        ("/quit", Quit()),
        ("   ", None),
    ],
)
def test_typed_lines_become_actions(line: str, action: object) -> None:
    assert parse_line(line, buttons=3) == action


def test_with_no_buttons_a_number_is_text() -> None:
    assert parse_line("42", buttons=0) == Send("42")


def test_a_missing_button_is_named_with_the_valid_numbers() -> None:
    assert NoSuchButton(99, 3).note() == (
        "(There is no button 99: type 1 to 3 to press one, or \\99 to send 99 as text)"
    )
    assert "type 1 or 2 to press one" in NoSuchButton(0, 2).note()
    assert "type 1 to press one" in NoSuchButton(5, 1).note()


def test_numbers_refer_to_the_latest_message_with_buttons() -> None:
    older = message("pick", KEYBOARD)
    newer = StoredMessage(1, 9, "plain", "plain")
    typed = StoredMessage(1, 10, "hi", "hi", reply_markup=KEYBOARD, from_bot=False)
    assert last_with_buttons([older, newer, typed]) is older
    assert last_with_buttons([newer]) is None


def test_only_visible_calls_are_rendered() -> None:
    sent = message("hi")

    def call(method: str, ok: bool = True, **params: object) -> RecordedCall:
        return RecordedCall(0, method, dict(params), ok, message=sent)

    assert render_call(call("sendMessage"), color=False) == "hi"
    assert render_call(call("editMessageText"), color=False) == "(edited) hi"
    assert render_call(call("answerCallbackQuery", text="Saved")) == "» Saved"
    assert render_call(call("answerCallbackQuery", text="No", show_alert="true")) == "[!] No"
    assert render_call(call("answerCallbackQuery")) is None
    assert render_call(call("sendMessage", ok=False)) is None
    assert render_call(call("setMyCommands")) is None
