"""Reading a message's text and keyboard out of a call, with Telegram's checks on both."""

from dataclasses import dataclass
from typing import Any

from fake_telegram.errors import bad_request
from fake_telegram.html import parse_html, utf16_len
from fake_telegram.params import Params

MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64


@dataclass(frozen=True)
class Content:
    text: str
    plain: str
    entities: tuple[dict[str, Any], ...]
    parse_mode: str | None


def read_content(params: Params) -> Content:
    """Entities come from parse_mode HTML or the explicit `entities`; other modes stay literal."""
    text = params.text("text") or ""
    parse_mode = params.text("parse_mode") or None
    plain, entities = text, list(params.obj("entities") or [])
    if parse_mode is not None and parse_mode.upper() == "HTML":
        plain, entities = parse_html(text)
    if not plain.strip():
        raise bad_request("message text is empty")
    if utf16_len(plain) > MAX_TEXT:
        raise bad_request("message is too long")
    return Content(text, plain, tuple(entities), parse_mode)


def read_inline_markup(params: Params) -> dict[str, Any] | None:
    """Only an inline keyboard belongs to the message; reply keyboards live in the client."""
    markup = params.obj("reply_markup")
    if not isinstance(markup, dict) or "inline_keyboard" not in markup:
        return None
    for row in markup["inline_keyboard"]:
        for button in row:
            _check_button(button)
    return markup


def _check_button(button: dict[str, Any]) -> None:
    if not button.get("text"):
        raise bad_request("BUTTON_TEXT_INVALID")
    data = button.get("callback_data")
    if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA:
        raise bad_request("BUTTON_DATA_INVALID")
