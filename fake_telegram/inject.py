"""Test helpers that play the learner: typed text, pressed buttons, raw and replayed updates."""

import itertools
import re
from dataclasses import replace
from typing import Any

from fake_telegram.buttons import flat_buttons
from fake_telegram.html import utf16_len
from fake_telegram.messages import StoredMessage
from fake_telegram.polls import poll_vote_refusal
from fake_telegram.state import FakeState
from fake_telegram.users import BotIdentity, User

_COMMAND = re.compile(r"(?<![\w/])/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{3,32})?")
_QUERY_IDS = itertools.count(4_000_000_000_000_000_001)


def command_entities(text: str) -> list[dict[str, Any]]:
    """Telegram marks every /command in a learner's text with a bot_command entity."""
    return [
        {
            "type": "bot_command",
            "offset": utf16_len(text[: match.start()]),
            "length": utf16_len(match.group(0)),
        }
        for match in _COMMAND.finditer(text)
    ]


class Inject:
    state: FakeState

    def _push(self, body: dict[str, Any]) -> int:
        self.state.injected_at = len(self.state.log.calls)
        update_id = self.state.queue.push(body)
        self.state.changes.pulse()
        return update_id

    def _bot_json(self) -> dict[str, Any]:
        bot = self.state.known_bot or BotIdentity(0, self.state.bot_name, self.state.bot_username)
        return bot.to_json()

    def send_text(self, user: User, text: str) -> int:
        """The learner types `text` in their private chat; returns the update_id."""
        chats = self.state.chats
        chats.meet(user)
        entities = tuple(command_entities(text))
        stored = chats.put(
            StoredMessage(user.id, chats.next_id(user.id), text, text, entities, from_bot=False)
        )
        return self._push({"message": chats.to_json(stored, self._bot_json())})

    def press(
        self, user: User, message_id: int, callback_data: str, *, check_button: bool = True
    ) -> int:
        """The learner taps a button of a message in their chat; returns the update_id.

        With `check_button=False` any data is sent, as a forged or stale client would.
        """
        message = self.state.chats.get(user.id, message_id)
        if message is None:
            raise LookupError(f"no message {message_id} in chat {user.id}")
        known = [button.callback_data for button in flat_buttons(message)]
        if check_button and callback_data not in known:
            raise LookupError(f"message {message_id} has no button {callback_data!r}: {known}")
        query_id = str(next(_QUERY_IDS))
        self.state.open_queries.add(query_id)
        return self._push(
            {
                "callback_query": {
                    "id": query_id,
                    "from": user.to_json(),
                    "chat_instance": str(-user.id),
                    "message": self.state.chats.to_json(message, self._bot_json()),
                    "data": callback_data,
                }
            }
        )

    def vote(
        self, user: User, message_id: int, option_ids: list[int], *, check: bool = True
    ) -> int:
        """The learner votes in a poll of their chat; returns the ``poll_answer`` update_id.

        Telegram sends the bot no answer to an anonymous poll, and none once the poll is
        closed; a quiz takes one vote per person. ``check=False`` sends the vote anyway and
        leaves the poll as it was, as a late or forged update would.
        """
        message = self.state.chats.get(user.id, message_id)
        if message is None or message.poll is None:
            raise LookupError(f"no poll in message {message_id} of chat {user.id}")
        poll = self.state.polls[message.poll["id"]]
        if check:
            refusal = poll_vote_refusal(poll, user.id, option_ids)
            if refusal is not None:
                raise ValueError(refusal)
            poll.votes[user.id] = list(option_ids)
            self.state.chats.put(replace(message, poll=poll.to_json()))
        answer = {
            "poll_id": poll.poll_id,
            "user": user.to_json(),
            "option_ids": list(option_ids),
            "option_persistent_ids": [str(index) for index in option_ids],
        }
        return self._push({"poll_answer": answer})

    def push_raw(self, update: dict[str, Any]) -> int:
        """Any update as given; an update_id in it is kept. Senders become known chats."""
        for body in update.values():
            if isinstance(body, dict) and isinstance(body.get("from"), dict):
                sender = body["from"]
                self.state.chats.meet(
                    User(
                        sender["id"],
                        sender.get("first_name", ""),
                        sender.get("username"),
                        sender.get("last_name"),
                        sender.get("language_code"),
                    )
                )
            if isinstance(body, dict) and "id" in body and "chat_instance" in body:
                self.state.open_queries.add(str(body["id"]))
        return self._push(update)

    def replay(self, update_id: int) -> None:
        """Queue an update already sent once more, with the same update_id."""
        self.state.injected_at = len(self.state.log.calls)
        self.state.queue.replay(update_id)
        self.state.changes.pulse()

    def block(self, user_id: int, blocked: bool = True) -> None:
        """The learner blocks (or unblocks) the bot: calls into their chat get 403."""
        if blocked:
            self.state.chats.blocked.add(user_id)
        else:
            self.state.chats.blocked.discard(user_id)

    def throttle(self, calls: int, retry_after: int = 1, methods: tuple[str, ...] = ()) -> None:
        """The next `calls` calls (of `methods`, default all but getUpdates) get 429."""
        self.state.throttle.arm(calls, retry_after, frozenset(methods))
