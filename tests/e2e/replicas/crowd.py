"""Many scripted learners at once: a burst of double taps, then lessons until the budget."""

import asyncio
import random
from dataclasses import dataclass

from domain.enums import ChallengeKind
from fake_telegram import FakeTelegram, User
from tests.e2e.replicas.course_plan import LessonPlan
from tests.e2e.replicas.learner import ScriptedLearner
from tests.e2e.replicas.traffic import DELIVERY_TIMEOUT, Traffic

FIRST_LEARNER_ID = 10_000


@dataclass
class Crowd:
    fake: FakeTelegram
    course: list[LessonPlan]
    traffic: Traffic
    learners: list[ScriptedLearner]

    @classmethod
    def of(cls, fake: FakeTelegram, course: list[LessonPlan], size: int, budget: int) -> "Crowd":
        traffic = Traffic(fake, budget)
        learners = [
            ScriptedLearner(
                fake, User(FIRST_LEARNER_ID + n, f"L{n}", f"learner{n}"), traffic, random.Random(n)
            )
            for n in range(size)
        ]
        return cls(fake, course, traffic, learners)

    async def arrive(self) -> None:
        await asyncio.gather(*(learner.start() for learner in self.learners))

    async def double_tap(self) -> list[tuple[int, int]]:
        """Every learner reaches the same question, then all tap its right answer twice at once."""
        lesson = self.course[0]
        challenge = next(c for c in lesson.challenges if c.kind is ChallengeKind.SINGLE_CHOICE)
        await asyncio.gather(*(learner.reach(lesson, challenge) for learner in self.learners))
        right = [learner.choice(challenge, right=True) for learner in self.learners]
        taps = [
            learner.double_tap(challenge, data)
            for learner, data in zip(self.learners, right, strict=True)
        ]
        self.traffic.count(2 * len(taps))
        async with asyncio.timeout(DELIVERY_TIMEOUT):
            for first, second in taps:
                await self.fake.wait_until_delivered(first, timeout=DELIVERY_TIMEOUT)
                await self.fake.wait_until_delivered(second, timeout=DELIVERY_TIMEOUT)
        await asyncio.gather(
            *(learner.settle(data) for learner, data in zip(self.learners, right, strict=True))
        )
        return taps

    async def study(self, wrong_rate: float = 0.3) -> None:
        await asyncio.gather(*(self._study(learner, wrong_rate) for learner in self.learners))

    async def _study(self, learner: ScriptedLearner, wrong_rate: float) -> None:
        for lesson in self.course:
            if self.traffic.spent:
                return
            await learner.take_lesson(lesson, wrong_rate)

    def answers_by_learner(self) -> dict[int, int]:
        return {learner.user.id: learner.answers for learner in self.learners}
