"""A learner in the fake Telegram: types, presses buttons by their label, reads the replies.

Every step waits for the bot's own visible reaction (the reply to a message, the answer
to a button press), never for time to pass.
"""

from fake_telegram import FakeTelegram, InlineButton, StoredMessage, User, flat_buttons


class Player:
    def __init__(self, fake: FakeTelegram, user: User) -> None:
        self.fake = fake
        self.user = user

    @property
    def screen(self) -> StoredMessage:
        """The bot's latest message in this chat: what the learner is looking at."""
        message = self.fake.last_bot_message(self.user.id)
        assert message is not None, "the bot has not said anything yet"
        return message

    async def send(self, text: str) -> StoredMessage:
        """Type ``text``; returns the bot's reply."""
        since = self.fake.mark()
        self.fake.send_text(self.user, text)
        call = await self.fake.wait_for_call(
            "sendMessage", lambda c: c.ok and _chat(c.params) == self.user.id, since=since
        )
        assert call.message is not None
        return call.message

    async def press(self, label: str, message: StoredMessage | None = None) -> str | None:
        """Press the button whose label contains ``label``; returns the callback's answer."""
        target = message or self.screen
        return await self.press_data(self.button(label, target).callback_data, target)

    async def press_data(
        self, data: str, message: StoredMessage | None = None, *, check: bool = True
    ) -> str | None:
        """Press raw callback data (``check=False`` sends data no button carries)."""
        target = message or self.screen
        since = self.fake.mark()
        self.fake.press(self.user, target.message_id, data, check_button=check)
        answered = await self.fake.wait_for_call("answerCallbackQuery", since=since)
        text = answered.params.get("text")
        return None if text is None else str(text)

    def button(self, label: str, message: StoredMessage | None = None) -> InlineButton:
        buttons = flat_buttons(message or self.screen)
        found = [button for button in buttons if label in button.text]
        assert found, f"no button with {label!r} in {[b.text for b in buttons]}"
        return found[0]

    def labels_data(self, message: StoredMessage | None = None) -> list[InlineButton]:
        return flat_buttons(message or self.screen)

    def labels(self, message: StoredMessage | None = None) -> list[str]:
        return [button.text for button in flat_buttons(message or self.screen)]


def _chat(params: dict[str, object]) -> int:
    return int(str(params.get("chat_id")))
