"""The people in a fake chat: learners typing to the bot, and the bot itself."""

from dataclasses import dataclass
from typing import Any

from fake_telegram.shapes import present


@dataclass(frozen=True)
class User:
    """A learner's Telegram profile, as the fake puts it into updates."""

    id: int
    first_name: str = "Ada"
    username: str | None = None
    last_name: str | None = None
    language_code: str | None = "en"

    def to_json(self) -> dict[str, Any]:
        """The `User` object of the Bot API; absent fields are left out, as Telegram does."""
        return {"id": self.id, "is_bot": False, "first_name": self.first_name} | present(
            last_name=self.last_name, username=self.username, language_code=self.language_code
        )

    def private_chat(self) -> dict[str, Any]:
        """The `Chat` object of the learner's private chat with the bot (its id is theirs)."""
        return {"id": self.id, "type": "private", "first_name": self.first_name} | present(
            last_name=self.last_name, username=self.username
        )


@dataclass(frozen=True)
class BotIdentity:
    """Who getMe says the bot is; the id comes from the token, as with real tokens."""

    id: int
    first_name: str
    username: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "is_bot": True,
            "first_name": self.first_name,
            "username": self.username,
        }

    def get_me(self) -> dict[str, Any]:
        """getMe adds the bot's capabilities to its `User` object."""
        return self.to_json() | {
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
