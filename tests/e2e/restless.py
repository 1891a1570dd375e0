"""Learners who keep answering while the database comes and goes.

Each one answers the single-choice question of the first lesson wrong, presses "Try
again" and answers again, round after round, so every round is a new recorded attempt.
One tap per step, chosen from what is on screen; each tap waits for the answer to its own
callback query, so many learners play at once. A journal keeps what each learner saw.
"""

import asyncio
from dataclasses import dataclass, field

from bot.callbacks import PickCb
from fake_telegram import FakeTelegram, InlineButton, StoredMessage, User, flat_buttons
from tests.e2e.answers import AnswerKey, choice_of

OUTAGE_REPLY = "briefly unavailable"
CONFLICT_REPLY = "collided with something else"
FEEDBACK = ("Not quite", "already counted")
ANSWER_TIMEOUT = 60.0
WAYS_BACK = ("↻ Try again", "Start the quiz ▶", "Next ▶", "⬅ Lesson")
"""When no answer button is on screen: the first of these that is, leads back to one."""


@dataclass
class Journal:
    confirmed: dict[tuple[int, int], float] = field(default_factory=dict)
    """(challenge id, attempt) whose feedback the learner saw, and when they saw it."""
    told_to_wait: list[float] = field(default_factory=list)
    """When each tap was made that got the outage reply."""
    collisions: int = 0
    """Taps refused because a deadlock outlasted the bot's reruns (MariaDB)."""
    other_replies: list[str] = field(default_factory=list)

    def confirmed_since(self, moment: float) -> int:
        return sum(1 for at in self.confirmed.values() if at >= moment)


class RestlessLearner:
    def __init__(self, fake: FakeTelegram, user: User, changed: asyncio.Event) -> None:
        self.fake = fake
        self.user = user
        self.journal = Journal()
        self._changed = changed
        self._wrong: dict[int, int] = {}

    async def reach_the_question(self, key: AnswerKey) -> None:
        """Menu, lesson pages, the typed first question answered right, then the second."""
        await self._say("/start")
        await self._tap(self._button("Continue"))
        while "Start the quiz" not in " ".join(b.text for b in self._flat()):
            await self._tap(self._button("Next ▶"))
        await self._tap(self._button("Start the quiz"))
        pending = await key.pending(self.user.id)
        assert pending is not None, self._screen().plain
        await self._say(str((await key.correct(pending))[0]))
        await self._tap(self._button("Next question"))
        challenge_id = next(pick for b in self._buttons() if (pick := choice_of(b)))[0]
        correct = set(await key.correct(challenge_id))
        self._wrong[challenge_id] = min(set(range(4)) - correct)

    async def play(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            await self.step()
            self._changed.set()

    async def step(self) -> None:
        picks = [pick for data in self._buttons() if (pick := choice_of(data))]
        if not picks:
            data = next(b.callback_data for b in self._flat() if b.text in WAYS_BACK)
            self._note(*await self._tap(data))
            return
        wrong = (picks[0][0], self._wrong[picks[0][0]])
        data = next(d for d in self._buttons() if choice_of(d) == wrong)
        pressed_at, reply = await self._tap(data)
        if reply is None and any(word in self._screen().plain for word in FEEDBACK):
            pick = PickCb.unpack(data)
            seen_at = asyncio.get_running_loop().time()
            self.journal.confirmed.setdefault((pick.challenge_id, pick.attempt), seen_at)
        else:
            self._note(pressed_at, reply)

    def _note(self, pressed_at: float, reply: str | None) -> None:
        if reply is None:
            return
        if OUTAGE_REPLY in reply:
            self.journal.told_to_wait.append(pressed_at)
        elif CONFLICT_REPLY in reply:
            self.journal.collisions += 1
        else:
            self.journal.other_replies.append(reply)

    async def _tap(self, data: str) -> tuple[float, str | None]:
        """Press and wait for this press's own answer; (when pressed, the alert text)."""
        since = self.fake.mark()
        pressed_at = asyncio.get_running_loop().time()
        update_id = self.fake.press(self.user, self._screen().message_id, data)
        query = self.fake.state.queue.history[update_id]["callback_query"]["id"]
        answer = await self.fake.wait_for_call(
            "answerCallbackQuery",
            lambda call: call.params.get("callback_query_id") == query,
            since=since,
            timeout=ANSWER_TIMEOUT,
        )
        text = answer.params.get("text")
        return pressed_at, None if text is None else str(text)

    async def _say(self, text: str) -> None:
        since = self.fake.mark()
        self.fake.send_text(self.user, text)
        await self.fake.wait_for_call(
            "sendMessage",
            lambda call: str(call.params.get("chat_id")) == str(self.user.id),
            since=since,
            timeout=ANSWER_TIMEOUT,
        )

    def _screen(self) -> StoredMessage:
        message = self.fake.last_bot_message(self.user.id)
        assert message is not None
        return message

    def _flat(self) -> list[InlineButton]:
        return flat_buttons(self._screen())

    def _buttons(self) -> list[str]:
        return [button.callback_data for button in self._flat()]

    def _button(self, label: str) -> str:
        return next(b.callback_data for b in self._flat() if label in b.text)
