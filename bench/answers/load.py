"""Two load shapes over simulated learners, each answering its own plan in order.

Closed loop (saturation): every learner answers again as soon as its last answer is
handled. Open loop: answers arrive on a fixed schedule whatever the bot's speed, each
taken by a learner who is not waiting for a reply, and latency runs from the scheduled
time, so time spent queueing behind a slow bot counts.
"""

import asyncio
import statistics
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field

from bench.answers.counting import answer_kind
from bench.support.plans import Step
from learnbot import heap


@dataclass
class SimLearner:
    telegram_id: int
    steps: Iterator[Step]


Answer = Callable[[SimLearner, Step], Awaitable[None]]


@dataclass
class Tally:
    """Answers handled, by kind, and the ones finished inside the measured window."""

    by_kind: Counter[str] = field(default_factory=Counter)
    in_window: int = 0
    elapsed: float = 0.0
    dropped: int = 0
    cpu_seconds: float = 0.0
    """This process's CPU time (all threads: SQLite's too) over the whole saturation."""
    latencies: list[float] = field(default_factory=list)

    @property
    def answers(self) -> int:
        return sum(self.by_kind.values())

    def add(self, other: "Tally") -> None:
        """``other``'s answers, window, CPU and latencies added to these."""
        self.by_kind.update(other.by_kind)
        self.in_window += other.in_window
        self.elapsed += other.elapsed
        self.dropped += other.dropped
        self.cpu_seconds += other.cpu_seconds
        self.latencies += other.latencies


async def _answer_next(learner: SimLearner, answer: Answer, tally: Tally) -> bool:
    step = next(learner.steps, None)
    if step is None:
        return False
    answer_kind.set(step.kind)
    await answer(learner, step)
    tally.by_kind[step.kind] += 1
    return True


async def saturate(
    learners: list[SimLearner], answer: Answer, seconds: float, warmup: float
) -> Tally:
    """Answers finished within ``seconds`` after a ``warmup``; a learner whose plan runs
    out stops early. The heap is settled first, as ``learnbot run`` settles it once started
    (``learnbot.heap``): a full collection then skips what set-up built."""
    heap.settle()
    tally = Tally()
    cpu = time.process_time()
    opens = time.perf_counter() + warmup
    closes = opens + seconds

    async def learn(learner: SimLearner) -> None:
        while time.perf_counter() < closes and await _answer_next(learner, answer, tally):
            if opens <= time.perf_counter() < closes:
                tally.in_window += 1

    await asyncio.gather(*(learn(learner) for learner in learners))
    tally.elapsed = seconds
    tally.cpu_seconds = time.process_time() - cpu
    return tally


Side = tuple[list[SimLearner], Answer]


async def alternate(sides: list[Side], rounds: int, seconds: float, warmup: float) -> list[Tally]:
    """Each side saturated in turn, ``rounds`` times ``seconds / rounds`` each, after one
    uncounted warm-up of each. On a shared host the machine's speed moves from one second
    to the next (another tenant, the database server's own bursts); taken in turns, both
    sides of a ratio meet the same moves, where one after the other each would meet its
    own. Each side's tally is the sum of its windows and its warm-up (whose answers count
    in none of them, as a single saturation's do not)."""
    tallies = [await saturate(learners, answer, 0.0, warmup) for learners, answer in sides]
    for _ in range(rounds):
        for tally, (learners, answer) in zip(tallies, sides, strict=True):
            tally.add(await saturate(learners, answer, seconds / rounds, 0.0))
    return tallies


async def offer(learners: list[SimLearner], answer: Answer, rate: float, seconds: float) -> Tally:
    """``rate`` answers a second for ``seconds``, each taken by the next idle learner.

    Arrivals still waiting when the window closes are dropped, each with the time it
    had waited as its latency: a lower bound, so an overloaded bot cannot look fast.
    """
    heap.settle()
    tally = Tally()
    arrivals: asyncio.Queue[float | None] = asyncio.Queue()
    started = time.perf_counter()
    closes = started + seconds

    async def learn(learner: SimLearner) -> None:
        while (scheduled := await arrivals.get()) is not None:
            if not await _answer_next(learner, answer, tally):
                return
            tally.latencies.append(time.perf_counter() - scheduled)
            tally.in_window += 1

    workers = [asyncio.create_task(learn(learner)) for learner in learners]
    for number in range(round(rate * seconds)):
        scheduled = started + number / rate
        await asyncio.sleep(max(0.0, scheduled - time.perf_counter()))
        arrivals.put_nowait(scheduled)
    await asyncio.sleep(max(0.0, closes - time.perf_counter()))
    while not arrivals.empty():
        tally.latencies.append(closes - (arrivals.get_nowait() or closes))
        tally.dropped += 1
    for _ in workers:
        arrivals.put_nowait(None)
    await asyncio.gather(*workers)
    tally.elapsed = time.perf_counter() - started
    return tally


def percentile_ms(latencies: list[float], percent: int) -> float:
    if len(latencies) < 2:
        return 1000 * (latencies[0] if latencies else 0.0)
    return 1000 * statistics.quantiles(latencies, n=100, method="inclusive")[percent - 1]


def cpu_ms_per_answer(tally: Tally) -> float:
    """The bot's CPU per answer: unlike answers/s, it barely moves with other processes'
    load, so two runs on a busy machine still compare."""
    return 1000 * tally.cpu_seconds / tally.answers if tally.answers else 0.0
