"""Everything the fake Bot API remembers, shared by its HTTP routes and its test helpers."""

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from fake_telegram.calls import CallLog, Throttle
from fake_telegram.messages import ChatStore, StoredMessage
from fake_telegram.params import Params
from fake_telegram.polls import FakePoll
from fake_telegram.shapes import present
from fake_telegram.signal import Signal
from fake_telegram.updates import UpdateQueue
from fake_telegram.users import BotIdentity


@dataclass
class Webhook:
    url: str = ""
    token: str = ""
    secret_token: str | None = None
    max_connections: int = 40
    allowed_updates: list[str] | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None

    def failed(self, reason: str) -> None:
        self.last_error_date, self.last_error_message = int(time.time()), reason

    def to_json(self, pending_update_count: int) -> dict[str, Any]:
        info: dict[str, Any] = {
            "url": self.url,
            "has_custom_certificate": False,
            "pending_update_count": pending_update_count,
        }
        if self.url:
            info["max_connections"] = self.max_connections
            info |= present(
                allowed_updates=self.allowed_updates,
                last_error_date=self.last_error_date,
                last_error_message=self.last_error_message,
            )
        return info


@dataclass
class FakeState:
    bot_name: str = "learnbot"
    bot_username: str = "learnbot_fake_bot"
    chats: ChatStore = field(default_factory=ChatStore)
    queue: UpdateQueue = field(default_factory=UpdateQueue)
    log: CallLog = field(default_factory=CallLog)
    throttle: Throttle = field(default_factory=Throttle)
    webhook: Webhook = field(default_factory=Webhook)
    replicas: list[str] = field(default_factory=list)
    deliveries: list[tuple[int, str]] = field(default_factory=list)
    posting: Counter[str] = field(default_factory=Counter)
    changes: Signal = field(default_factory=Signal)
    commands: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    open_queries: set[str] = field(default_factory=set)
    polls: dict[str, FakePoll] = field(default_factory=dict)
    in_flight: int = 0
    pollers: int = 0
    closing: bool = False
    injected_at: int = 0
    known_bot: BotIdentity | None = None

    def bot(self, token: str) -> BotIdentity:
        """The identity behind a token; remembered to sign messages in injected updates."""
        self.known_bot = BotIdentity(int(token.split(":")[0]), self.bot_name, self.bot_username)
        return self.known_bot

    def idle(self, requests: bool) -> bool:
        return not self.queue.pending and not (requests and self.in_flight)


@dataclass
class Call:
    """One method call being served; handlers note the message they produced or changed."""

    state: FakeState
    params: Params
    token: str
    bot: BotIdentity
    message: StoredMessage | None = None

    @property
    def bot_json(self) -> dict[str, Any]:
        return self.bot.to_json()
