"""The reminders' rate limiter, on a virtual clock: no real sleeping."""

import asyncio

from domain.enums import Delivery
from infrastructure.scheduler.throttle import RateLimiter, ThrottledNotifier
from tests.unit.fakes import FakeNotifier


class VirtualTime:
    """A monotonic clock that moves only when the limiter sleeps on it (if ``moving``)."""

    def __init__(self, moving: bool = True) -> None:
        self.moving = moving
        self.now = 100.0
        self.sleeps: list[float] = []
        self.wakes: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.wakes.append(round(self.now + seconds, 6))
        await asyncio.sleep(0)
        if self.moving:
            self.now += seconds


async def test_fifty_sends_take_two_seconds_at_twenty_five_a_second() -> None:
    time = VirtualTime()
    notifier = FakeNotifier()
    throttled = ThrottledNotifier(notifier, RateLimiter(25, time.clock, time.sleep))

    outcomes = [await throttled.deliver(n, "hi") for n in range(50)]

    assert outcomes == [Delivery.SENT] * 50
    assert len(notifier.sent) == 50
    assert round(time.now - 100.0, 6) == round(49 / 25, 6)
    assert time.wakes[:2] == [100.04, 100.08]


async def test_an_idle_limiter_does_not_wait() -> None:
    time = VirtualTime()
    limiter = RateLimiter(25, time.clock, time.sleep)
    await limiter.wait()
    time.now += 1.0
    await limiter.wait()
    assert time.sleeps == []


async def test_concurrent_callers_get_distinct_slots() -> None:
    """Time stands still while they all wait: each must still have reserved its own slot."""
    time = VirtualTime(moving=False)
    limiter = RateLimiter(10, time.clock, time.sleep)

    await asyncio.gather(*(limiter.wait() for _ in range(4)))

    assert time.wakes == [100.1, 100.2, 100.3]
