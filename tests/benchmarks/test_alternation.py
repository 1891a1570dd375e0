"""The bot and its ceiling take turns (``bench.answers.load.alternate``): a warm-up each,
then ``rounds`` windows each, never overlapping, every answer booked to its own side."""

import asyncio
import itertools
from collections.abc import Iterator

import pytest

from bench.answers.load import Answer, SimLearner, alternate
from bench.support.plans import AnswerKind, Step

ROUNDS = 3


def pressing(sides: list[str], label: str) -> Answer:
    async def answer(learner: SimLearner, step: Step) -> None:
        sides.append(label)
        await asyncio.sleep(0)

    return answer


def endless() -> Iterator[Step]:
    step = Step(None, 1, False, AnswerKind.WRONG, "")  # type: ignore[arg-type]
    return itertools.repeat(step)


def learners(count: int) -> list[SimLearner]:
    return [SimLearner(number, endless()) for number in range(count)]


async def test_the_sides_take_turns_and_keep_their_own_tallies() -> None:
    pressed: list[str] = []
    sides = [(learners(3), pressing(pressed, "bot")), (learners(2), pressing(pressed, "ceiling"))]

    bot, ceiling = await alternate(sides, ROUNDS, seconds=0.06 * ROUNDS, warmup=0.02)

    turns = [label for label, _ in itertools.groupby(pressed)]
    assert turns == ["bot", "ceiling"] * (1 + ROUNDS)
    assert bot.answers == pressed.count("bot")
    assert ceiling.answers == pressed.count("ceiling")
    assert 0 < bot.in_window < bot.answers
    assert 0 < ceiling.in_window < ceiling.answers
    assert bot.elapsed == ceiling.elapsed == pytest.approx(0.06 * ROUNDS)
