"""The offline chat's screen and keyboard: bot messages as terminal text, typed lines as actions.

Pure functions, so `learnbot chat` and its tests share them with no terminal attached.
"""

from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from fake_telegram.buttons import flat_buttons
from fake_telegram.calls import RecordedCall
from fake_telegram.messages import StoredMessage

_STYLES = {
    "b": "1", "strong": "1", "i": "3", "em": "3", "u": "4", "ins": "4",
    "s": "9", "strike": "9", "del": "9", "code": "36", "pre": "36", "tg-spoiler": "2",
}  # fmt: skip
RESET = "\x1b[0m"


class _AnsiWriter(HTMLParser):
    """Closing a tag resets every style and re-applies those still open, so nesting holds."""

    def __init__(self, color: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.color = color
        self.out: list[str] = []
        self.open: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        style = _STYLES.get(tag)
        self.open.append((tag, dict(attrs).get("href") if tag == "a" else style))
        if style and self.color:
            self.out.append(f"\x1b[{style}m")

    def handle_endtag(self, tag: str) -> None:
        if not self.open:
            return
        opened, extra = self.open.pop()
        if opened == "a" and extra:
            self.out.append(f" ({extra})")
        elif extra and self.color:
            styles = [style for name, style in self.open if name != "a" and style]
            self.out.append(RESET + "".join(f"\x1b[{style}m" for style in styles))

    def handle_data(self, data: str) -> None:
        self.out.append(data)


def render_html(text: str, *, color: bool = True) -> str:
    """Telegram HTML in ANSI bold, italic and the like; tags gone, entities decoded."""
    writer = _AnsiWriter(color)
    writer.feed(text)
    writer.close()
    return "".join(writer.out)


def render_message(message: StoredMessage, *, color: bool = True) -> str:
    """The text, then the inline buttons numbered from 1, one keyboard row per line."""
    if message.poll is not None:
        return _render_poll(message.poll)
    html = message.parse_mode is not None and message.parse_mode.upper() == "HTML"
    lines = [render_html(message.text, color=color) if html else message.plain]
    number = 0
    for row in _button_rows(message):
        labels = []
        for text, target in row:
            number += 1
            labels.append(f"[{number}] {text}" + (f" ({target})" if target else ""))
        lines.append("  ".join(labels))
    return "\n".join(lines)


def _render_poll(poll: dict[str, Any]) -> str:
    """The question and its options numbered from 1, one per line, for a vote by number."""
    kind = "Quiz" if poll.get("type") == "quiz" else "Poll"
    closes = f", closes in {poll['open_period']} s" if poll.get("open_period") else ""
    lines = [f"📊 {kind}{closes}: {poll['question']}"]
    for number, option in enumerate(poll["options"], start=1):
        chosen = " ← your vote" if option["voter_count"] else ""
        lines.append(f"[{number}] {option['text']}{chosen}")
    return "\n".join(lines)


def _button_rows(message: StoredMessage) -> list[list[tuple[str, str | None]]]:
    keyboard = (message.reply_markup or {}).get("inline_keyboard", [])
    return [[(str(button["text"]), button.get("url")) for button in row] for row in keyboard]


def render_call(call: RecordedCall, *, color: bool = True) -> str | None:
    """What the learner would see change after a call, or None for calls they cannot see."""
    if not call.ok:
        return None
    if call.method in ("sendMessage", "sendPoll") and call.message is not None:
        return render_message(call.message, color=color)
    if call.method.startswith("editMessage") and call.message is not None:
        return "(edited) " + render_message(call.message, color=color)
    if call.method == "answerCallbackQuery" and call.params.get("text"):
        alert = str(call.params.get("show_alert", "")).lower() == "true"
        return ("[!] " if alert else "» ") + str(call.params["text"])
    return None


@dataclass(frozen=True)
class Press:
    number: int


@dataclass(frozen=True)
class Send:
    text: str


@dataclass(frozen=True)
class Quit:
    pass


@dataclass(frozen=True)
class NoSuchButton:
    """A number while buttons are shown, but not one of theirs: said, not sent to the bot."""

    number: int
    buttons: int

    def note(self) -> str:
        valid = {1: "1", 2: "1 or 2"}.get(self.buttons, f"1 to {self.buttons}")
        return (
            f"(There is no button {self.number}: type {valid} to press one, "
            f"or \\{self.number} to send {self.number} as text)"
        )


Action = Press | Send | Quit | NoSuchButton | None


def parse_line(line: str, buttons: int) -> Action:
    """A button's number presses it; "\\" sends what follows as text, even a number.

    With no buttons on screen a number is plain text, as there is nothing to press.
    """
    text = line.strip()
    if not text:
        return None
    if text == "/quit":
        return Quit()
    if text.startswith("\\"):
        return Send(text[1:])
    if text.isdigit() and buttons:
        number = int(text)
        return Press(number) if 1 <= number <= buttons else NoSuchButton(number, buttons)
    return Send(text)


def last_with_buttons(messages: list[StoredMessage]) -> StoredMessage | None:
    """The message a typed number refers to: the bot's latest that still has buttons, or
    a poll still waiting for the learner's vote."""
    with_buttons = [m for m in messages if m.from_bot and choices(m)]
    return with_buttons[-1] if with_buttons else None


def choices(message: StoredMessage | None) -> int:
    """How many numbers a message offers: an open, unvoted poll's options, else its buttons."""
    poll = None if message is None else message.poll
    if poll is not None and not poll["is_closed"] and not poll["total_voter_count"]:
        return len(poll["options"])
    return len(flat_buttons(message))
