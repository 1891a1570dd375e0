"""Whole updates as Telegram could post them, shaped right but odd in every other way:
strange text and entities, no sender, edits, channel posts, kinds the bot never asked for.
"""

from typing import Any

from hypothesis import strategies as st

from bot.handlers.commands import COMMANDS
from tests.fuzz.wiring import BOT_USER
from tests.fuzz.world import ADA, BOB

Json = dict[str, Any]
ENTITY_TYPES = ["bot_command", "bold", "mention", "url", "text_link", "code", "pre", "spoiler"]
ODD_TEXT = st.sampled_from(
    [
        *["", " ", "\0", "/", "//start", "/start\0", "\u202e/help", "🏳️‍🌈" * 50, "/ask a\0b"],
        *["/timezone Europe/Paris\0", "/timezone ../../etc/passwd", "/reminders 25", "/top\0"],
    ]
)


def texts() -> st.SearchStrategy[str]:
    """Commands with odd arguments, NUL and control characters, and text past 4096."""
    commands = st.sampled_from([*(command.name for command in COMMANDS), "nope"])
    command = st.tuples(
        commands, st.sampled_from(["", "@learnbot", "@other_bot"]), st.text(max_size=40)
    ).map(lambda parts: f"/{parts[0]}{parts[1]} {parts[2]}".rstrip(" "))
    huge = st.integers(4000, 20000).map(lambda n: ("𝔸x\0" * n)[:n])
    return st.one_of(command, st.text(), ODD_TEXT, huge)


def users() -> st.SearchStrategy[Json]:
    fresh = st.fixed_dictionaries(
        {"id": st.integers(1, 2**52), "is_bot": st.booleans(), "first_name": st.text()},
        optional={
            "username": st.text(max_size=40),
            "language_code": st.sampled_from(["en", "ru", "de", "", "zz-ZZ", "\0"]),
            "last_name": st.text(max_size=10),
        },
    )
    return st.one_of(st.sampled_from([ADA, BOB, BOT_USER]), fresh)


def entities(text: str) -> st.SearchStrategy[list[Json]]:
    entity = st.fixed_dictionaries(
        {
            "type": st.sampled_from(ENTITY_TYPES),
            "offset": st.integers(-2, len(text) + 2),
            "length": st.integers(0, len(text) + 2),
        }
    )
    return st.lists(entity, max_size=3)


@st.composite
def messages(draw: st.DrawFn) -> Json:
    chat = draw(st.sampled_from(["private", "group", "supergroup", "channel"]))
    sender = draw(st.one_of(st.none(), users()))
    chat_id = sender["id"] if chat == "private" and sender else -draw(st.integers(1, 2**40))
    message: Json = {"message_id": draw(st.integers(1, 2**31)), "date": 0}
    message["chat"] = {"id": chat_id, "type": chat}
    if sender is not None:
        message["from"] = sender
    body = draw(st.sampled_from(["text", "text", "caption", "location", "dice"]))
    if body in {"text", "caption"}:
        text = draw(texts())
        message[body] = text
        message[f"{body}_entities" if body == "caption" else "entities"] = draw(entities(text))
    if body == "caption":
        message["photo"] = [{"file_id": "p", "file_unique_id": "u", "width": 1, "height": 1}]
    if body == "location":
        message["location"] = {"latitude": 0.0, "longitude": 0.0}
    if body == "dice":
        message["dice"] = {"emoji": "🎲", "value": 6}
    return message


@st.composite
def updates(draw: st.DrawFn) -> Json:
    """One update of a kind the bot handles, ignores, or has never heard of."""
    message = draw(messages())
    kind = draw(
        st.sampled_from(
            ["message", "message", "edited_message", "channel_post", "edited_channel_post"]
        )
    )
    if kind.startswith("edited"):
        message["edit_date"] = 1
    other = {
        "inline_query": {"id": "i", "from": draw(users()), "query": draw(st.text()), "offset": ""},
        "a_kind_from_the_future": {"anything": draw(st.text())},
    }
    return draw(st.sampled_from([{kind: message}, *({k: v} for k, v in other.items())]))
