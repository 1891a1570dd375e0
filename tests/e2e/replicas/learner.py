"""One scripted learner answering the example course through the fake Telegram.

Answers are read off the screen (the bot's latest message), as a person taps them. The
taps between answers ("Start the quiz", "Try again", "Next question") are built from the
lesson plan instead: after a replayed answer either replica's reply may be the last edit,
so the screen does not say which of them is showing. When the bot refuses a tap (its
screen stays as it was, or it says "Something went wrong"), the learner taps again, as the
bot asks; the refusals are counted.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from bot.callbacks import ChallengeCb, FinishCb, SubmitCb
from domain.enums import ChallengeKind
from fake_telegram import FakeTelegram, User, flat_buttons
from tests.e2e.answers import choice_of, submit_of, toggle_of
from tests.e2e.replicas.course_plan import ChallengeKey, LessonPlan
from tests.e2e.replicas.traffic import Traffic

WRONG_TEXT = "surely not the answer"
FAILURE = "Something went wrong"
MAX_TRIES = 20


@dataclass
class ScriptedLearner:
    fake: FakeTelegram
    user: User
    traffic: Traffic
    rng: random.Random
    answers: int = 0
    solved: set[int] = field(default_factory=set)

    async def start(self) -> None:
        await self.traffic.send(self.fake.send_text(self.user, "/start"))

    async def open_quiz(self, lesson: LessonPlan) -> None:
        await self._navigate(FinishCb(lesson_id=lesson.id).pack())

    async def open_challenge(self, challenge: ChallengeKey) -> None:
        await self._navigate(
            ChallengeCb(lesson_id=challenge.lesson_id, challenge_id=challenge.id).pack()
        )

    async def reach(self, lesson: LessonPlan, challenge: ChallengeKey) -> None:
        """The quiz opened and every question before ``challenge`` answered right: the bot
        takes answers only to questions it has put."""
        await self.open_quiz(lesson)
        before = lesson.challenges[: lesson.challenges.index(challenge)]
        for position, earlier in enumerate(before):
            if position:
                await self.open_challenge(earlier)
            await self.answer(earlier, right=True)
        if before:
            await self.open_challenge(challenge)

    async def take_lesson(self, lesson: LessonPlan, wrong_rate: float) -> None:
        """Every unsolved challenge: sometimes a wrong answer and "Try again" first."""
        await self.open_quiz(lesson)
        unsolved = [c for c in lesson.challenges if c.id not in self.solved]
        for position, challenge in enumerate(unsolved):
            if position:
                await self.open_challenge(challenge)
            if self.rng.random() < wrong_rate:
                await self.answer(challenge, right=False)
                await self.open_challenge(challenge)
            await self.answer(challenge, right=True)

    async def answer(self, challenge: ChallengeKey, *, right: bool) -> None:
        if challenge.kind is ChallengeKind.TEXT:
            text = str(challenge.answers[0]) if right else WRONG_TEXT
            await self._until_taken(lambda: self.fake.send_text(self.user, text), answer=True)
        elif challenge.kind is ChallengeKind.SINGLE_CHOICE:
            data = self.choice(challenge, right)
            await self._until_taken(lambda: self.tap(data), answer=True)
        else:
            await self._toggle(challenge, right)
        self.answers += 1
        if right:
            self.solved.add(challenge.id)

    def double_tap(self, challenge: ChallengeKey, data: str) -> tuple[int, int]:
        """An option tapped twice before either tap is answered: one answer counts."""
        taps = self.tap(data), self.tap(data)
        self.answers += 1
        self.solved.add(challenge.id)
        return taps

    def choice(self, challenge: ChallengeKey, right: bool) -> str:
        """The callback data of a right (or wrong) option on screen."""
        wanted = challenge.correct_options if right else {challenge.wrong_option()}
        return next(
            data
            for data in self._screen_data()
            if (pick := choice_of(data)) is not None
            and pick == (challenge.id, pick[1])
            and pick[1] in wanted
        )

    async def _toggle(self, challenge: ChallengeKey, right: bool) -> None:
        wanted = challenge.correct_options if right else {challenge.wrong_option()}
        for option in sorted(wanted):
            mask = self._submit().mask
            data = next(
                toggle.pack()
                for data in self._screen_data()
                if (toggle := toggle_of(data)) is not None and toggle.mask == mask | 1 << option
            )
            await self._until_taken(partial(self.tap, data))
        submit = self._submit().pack()
        await self._until_taken(lambda: self.tap(submit), answer=True)

    def _submit(self) -> SubmitCb:
        return next(s for data in self._screen_data() if (s := submit_of(data)) is not None)

    def _screen_data(self) -> list[str]:
        screen = self.fake.last_bot_message(self.user.id)
        return [button.callback_data for button in flat_buttons(screen) if button.callback_data]

    def tap(self, data: str, *, check: bool = True) -> int:
        screen = self.fake.last_bot_message(self.user.id)
        assert screen is not None, f"learner {self.user.id} has no screen"
        return self.fake.press(self.user, screen.message_id, data, check_button=check)

    async def settle(self, data: str) -> None:
        """After taps whose outcome is not known: tap again while the button is still shown."""
        if data in self._screen_data():
            self.traffic.refused += 1
            await self._until_taken(lambda: self.tap(data), answer=True)

    async def _navigate(self, data: str) -> None:
        await self._until_taken(lambda: self.tap(data, check=False))

    async def _until_taken(self, inject: Callable[[], int], *, answer: bool = False) -> None:
        for _ in range(MAX_TRIES):
            before = self.fake.last_bot_message(self.user.id)
            update_id = inject()
            if answer:
                await self.traffic.answer(update_id, self.rng)
            else:
                await self.traffic.send(update_id)
            after = self.fake.last_bot_message(self.user.id)
            if after is not before and after is not None and FAILURE not in after.plain:
                return
            self.traffic.refused += 1
        raise AssertionError(
            f"learner {self.user.id}: {MAX_TRIES} taps refused: {self._why(update_id)}"
        )

    def _why(self, update_id: int) -> str:
        """The bot's last word on an update: its callback answer, or the screen."""
        query = self.fake.state.queue.history[update_id].get("callback_query", {})
        said = [
            call.params.get("text")
            for call in self.fake.calls("answerCallbackQuery")
            if call.params.get("callback_query_id") == query.get("id")
        ]
        screen = self.fake.last_bot_message(self.user.id)
        return f"answered {said}, screen {screen.plain if screen else None!r}"
