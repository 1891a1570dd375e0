"""Fixtures: a seeded course, a fake unit of work over it, a frozen clock and a learner."""

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import pytest

from domain.achievements import Achievement
from domain.learners import Learner, TelegramProfile
from domain.services import ProgressService
from tests.support.use_cases import committed

from .course import ACHIEVEMENTS, CHALLENGES, LESSONS, MODULES
from .fakes import FakeCatalogue, FakeClock, FakeUnitOfWork

START = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
"""A Monday noon in UTC, after the 2025 daylight-saving change in the US."""

MakeLearner = Callable[..., Awaitable[Learner]]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def catalogue() -> FakeCatalogue:
    return FakeCatalogue(MODULES, LESSONS, CHALLENGES)


@pytest.fixture
def definitions() -> list[Achievement]:
    return list(ACHIEVEMENTS)


@pytest.fixture
def uow(catalogue: FakeCatalogue, definitions: list[Achievement]) -> FakeUnitOfWork:
    return FakeUnitOfWork(catalogue, definitions)


@pytest.fixture
def make_learner(uow: FakeUnitOfWork, clock: FakeClock) -> MakeLearner:
    """Seed a learner straight through the fake repository, committed, outside any service."""

    async def make(telegram_id: int = 1000, timezone: str | None = None, **names: str) -> Learner:
        learner = await uow.learners.add(TelegramProfile(telegram_id, **names), clock.now())
        await uow.learners.set_timezone(learner.id, timezone, clock.now())
        await uow.commit()
        seeded = await uow.learners.get(learner.id)
        assert seeded is not None
        return seeded

    return make


@pytest.fixture
async def learner(make_learner: MakeLearner) -> Learner:
    return await make_learner()


@pytest.fixture
def progress_service(uow: FakeUnitOfWork, clock: FakeClock) -> ProgressService:
    return committed(ProgressService(uow, clock, "UTC"))
