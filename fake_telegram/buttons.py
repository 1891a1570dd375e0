"""Reading inline keyboards back out of a stored message."""

from typing import NamedTuple

from fake_telegram.messages import StoredMessage


class InlineButton(NamedTuple):
    """Equal to a plain `(text, callback_data)` tuple; URL and other buttons carry None."""

    text: str
    callback_data: str | None


def inline_buttons(message: StoredMessage | None) -> list[list[InlineButton]]:
    if message is None or message.reply_markup is None:
        return []
    return [
        [InlineButton(str(button["text"]), button.get("callback_data")) for button in row]
        for row in message.reply_markup.get("inline_keyboard", [])
    ]


def flat_buttons(message: StoredMessage | None) -> list[InlineButton]:
    """Buttons in reading order, as the terminal numbers them from 1."""
    return [button for row in inline_buttons(message) for button in row]
