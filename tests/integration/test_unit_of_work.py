"""The unit of work: one transaction, rolled back unless committed."""

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.learners import Learner, TelegramProfile
from infrastructure.db.models import UserRow
from infrastructure.db.uow import SqlUnitOfWork
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock

PROFILE = TelegramProfile(telegram_id=1001, username="ada")


async def test_rolls_back_uncommitted_work_by_default(
    uow_factory: UowFactory, clock: FixedClock
) -> None:
    async with uow_factory() as uow:
        await uow.learners.add(PROFILE, clock.now())

    async with uow_factory() as uow:
        assert await uow.learners.by_telegram_id(PROFILE.telegram_id) is None


async def fail_half_way(uow_factory: UowFactory, work: Callable[[SqlUnitOfWork], Any]) -> None:
    """Runs ``work`` in a unit of work that then fails."""

    async def failing() -> None:
        async with uow_factory() as uow:
            await work(uow)
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        await failing()


async def committed_learner(uow_factory: UowFactory, clock: FixedClock) -> Learner:
    """``PROFILE``'s learner, added and committed in a unit of work of its own."""
    async with uow_factory() as uow:
        learner = await uow.learners.add(PROFILE, clock.now())
        await uow.commit()
    return learner


def checked_out(engine: AsyncEngine) -> int:
    return engine.sync_engine.pool.checkedout()  # type: ignore[attr-defined,no-any-return]


async def test_rolls_back_on_error(uow_factory: UowFactory, clock: FixedClock) -> None:
    await fail_half_way(uow_factory, lambda uow: uow.learners.add(PROFILE, clock.now()))

    async with uow_factory() as uow:
        assert await uow.learners.by_telegram_id(PROFILE.telegram_id) is None


async def test_keeps_committed_work(uow_factory: UowFactory, clock: FixedClock) -> None:
    learner = await committed_learner(uow_factory, clock)

    async with uow_factory() as uow:
        assert await uow.learners.get(learner.id) == learner


async def test_explicit_rollback_discards_only_what_follows_the_commit(
    uow_factory: UowFactory, clock: FixedClock
) -> None:
    async with uow_factory() as uow:
        learner = await uow.learners.add(PROFILE, clock.now())
        await uow.commit()
        await uow.learners.set_timezone(learner.id, "Europe/Paris", clock.now())
        await uow.rollback()

    async with uow_factory() as uow:
        stored = await uow.learners.get(learner.id)
        assert stored is not None
        assert stored.timezone is None


async def test_refuses_use_outside_its_block(uow_factory: UowFactory) -> None:
    uow = uow_factory()
    with pytest.raises(RuntimeError, match="outside"):
        await uow.commit()


async def test_every_connection_is_back_in_the_pool_after_each_ending(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock
) -> None:
    """Committed, rolled back, left uncommitted, failed: a session that holds nothing more
    is not closed, so nothing but the commit or rollback may return its connection."""
    async with uow_factory() as uow:
        await uow.learners.add(PROFILE, clock.now())
        await uow.commit()
    assert checked_out(engine) == 0
    async with uow_factory() as uow:
        await uow.learners.set_timezone(1, "Europe/Paris", clock.now())
        await uow.rollback()
    assert checked_out(engine) == 0
    async with uow_factory() as uow:
        await uow.learners.by_telegram_id(PROFILE.telegram_id)
    assert checked_out(engine) == 0
    await fail_half_way(uow_factory, lambda uow: uow.learners.by_telegram_id(PROFILE.telegram_id))
    assert checked_out(engine) == 0


async def test_orm_objects_loaded_in_a_block_are_let_go_at_its_end(
    uow_factory: UowFactory, clock: FixedClock
) -> None:
    learner = await committed_learner(uow_factory, clock)
    async with uow_factory() as uow:
        session = uow.session
        row = await session.get(UserRow, learner.id)
        await uow.commit()
        assert row is not None
        assert row in session.identity_map.values()
    assert not session.identity_map
