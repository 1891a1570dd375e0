"""Several restless learners playing at once, and waiting for what they have seen."""

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fake_telegram import FakeTelegram, User
from tests.e2e.answers import AnswerKey
from tests.e2e.restless import RestlessLearner

WAIT_TIMEOUT = 180.0


class Crowd:
    def __init__(self, fake: FakeTelegram, size: int) -> None:
        self.changed = asyncio.Event()
        self.learners = [
            RestlessLearner(fake, User(300 + n, f"Learner{n}", f"learner{n}"), self.changed)
            for n in range(size)
        ]
        self._tasks: list[asyncio.Task[None]] = []

    async def reach_the_question(self, key: AnswerKey) -> None:
        """One learner at a time: the way there is not what is under test."""
        for learner in self.learners:
            await learner.reach_the_question(key)

    @asynccontextmanager
    async def playing(self) -> AsyncIterator[None]:
        """All of them answer until the block ends; each finishes the tap in hand."""
        stop = asyncio.Event()
        self._tasks = [asyncio.create_task(learner.play(stop)) for learner in self.learners]
        try:
            yield
        finally:
            stop.set()
            await asyncio.wait_for(asyncio.gather(*self._tasks), WAIT_TIMEOUT)

    async def until(self, condition: Callable[[], bool], timeout: float = WAIT_TIMEOUT) -> None:  # noqa: ASYNC109
        """Wakes on every step a learner takes; a learner that crashed fails the wait."""
        async with asyncio.timeout(timeout):
            while not condition():
                self.changed.clear()
                await self.changed.wait()
                for task in self._tasks:
                    if task.done():
                        task.result()

    def every(self, condition: Callable[[RestlessLearner], bool]) -> Callable[[], bool]:
        return lambda: all(condition(learner) for learner in self.learners)

    def confirmed(self, since: float = 0.0) -> int:
        return sum(learner.journal.confirmed_since(since) for learner in self.learners)

    def told_to_wait(self) -> int:
        return sum(len(learner.journal.told_to_wait) for learner in self.learners)
