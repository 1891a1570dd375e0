"""What each chat holds: the learners' and the bot's messages, as Telegram keeps them."""

import time
from dataclasses import dataclass, field, replace
from typing import Any

from fake_telegram.errors import bad_request, blocked
from fake_telegram.shapes import present
from fake_telegram.users import User


@dataclass(frozen=True)
class StoredMessage:
    """One message; immutable, so a snapshot in the call log never changes under a test.

    `text` is what the sender wrote (HTML source with parse_mode "HTML"); `plain` and
    `entities` are what Telegram made of it.
    """

    chat_id: int
    message_id: int
    text: str
    plain: str
    entities: tuple[dict[str, Any], ...] = ()
    parse_mode: str | None = None
    reply_markup: dict[str, Any] | None = None
    from_bot: bool = True
    date: int = field(default_factory=lambda: int(time.time()))
    edit_date: int | None = None
    poll: dict[str, Any] | None = None
    """The Poll object of a poll message (its text is then the question), as last seen."""

    def edited(self, **changes: Any) -> "StoredMessage":
        return replace(self, edit_date=int(time.time()), **changes)

    def same_content(
        self, plain: str, entities: tuple[dict[str, Any], ...], markup: dict[str, Any] | None
    ) -> bool:
        return (self.plain, self.entities, self.reply_markup) == (plain, entities, markup)


@dataclass
class ChatStore:
    """Private chats by id. Message ids count per chat, shared by the learner and the bot."""

    users: dict[int, User] = field(default_factory=dict)
    messages: dict[int, dict[int, StoredMessage]] = field(default_factory=dict)
    last_id: dict[int, int] = field(default_factory=dict)
    blocked: set[int] = field(default_factory=set)

    def meet(self, user: User) -> None:
        """A chat exists once the learner has written to the bot, as on Telegram."""
        self.users[user.id] = user
        self.messages.setdefault(user.id, {})

    def check_reachable(self, chat_id: int) -> None:
        if chat_id not in self.users:
            raise bad_request("chat not found")
        if chat_id in self.blocked:
            raise blocked()

    def next_id(self, chat_id: int) -> int:
        self.last_id[chat_id] = self.last_id.get(chat_id, 0) + 1
        return self.last_id[chat_id]

    def put(self, message: StoredMessage) -> StoredMessage:
        self.messages.setdefault(message.chat_id, {})[message.message_id] = message
        return message

    def get(self, chat_id: int, message_id: int) -> StoredMessage | None:
        return self.messages.get(chat_id, {}).get(message_id)

    def delete(self, chat_id: int, message_id: int) -> bool:
        return self.messages.get(chat_id, {}).pop(message_id, None) is not None

    def in_chat(self, chat_id: int) -> list[StoredMessage]:
        return sorted(self.messages.get(chat_id, {}).values(), key=lambda m: m.message_id)

    def to_json(self, message: StoredMessage, bot: dict[str, Any]) -> dict[str, Any]:
        """The Bot API `Message` object, with only the fields Telegram would include."""
        user = self.users[message.chat_id]
        data: dict[str, Any] = {
            "message_id": message.message_id,
            "from": bot if message.from_bot else user.to_json(),
            "chat": user.private_chat(),
            "date": message.date,
        }
        if message.poll is None:
            data["text"] = message.plain
        return data | present(
            poll=message.poll,
            entities=list(message.entities) or None,
            edit_date=message.edit_date,
            reply_markup=message.reply_markup,
        )
