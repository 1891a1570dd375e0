"""The refresh's temporary tables belong to a pooled connection, which may still hold
them from a run that failed before dropping them: the next refresh must not rank from
their stale rows."""

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.services import LeaderboardService
from infrastructure.db.repositories.ranking import INPUTS, RANKED
from infrastructure.db.repositories.refresh import STAGING
from infrastructure.db.repositories.scratch import scratch
from tests.integration.conftest import UowFactory
from tests.integration.test_board_refresh import achievement_points, build_world, cached
from tests.support.clock import FixedClock
from tests.support.course import Course


async def test_a_refresh_ignores_scratch_tables_left_on_its_connection(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    world = await build_world(engine, course, seed=11)
    inactive = next(iter(world.inactive))
    async with uow_factory() as uow:
        connection = await uow.session.connection()
        for scratch_table in (STAGING, INPUTS):
            await connection.run_sync(scratch_table.create)
        stale = {"user_id": inactive} | dict.fromkeys(RANKED, 1)
        await uow.session.execute(sa.insert(STAGING).values(stale | {"fresh": True}))
        inputs = dict.fromkeys(INPUTS.c.keys(), 1000) | {"user_id": inactive}
        await uow.session.execute(sa.insert(INPUTS).values(inputs))

        assert (await LeaderboardService(uow, clock, "Asia/Tokyo").refresh()).ranked == 36

    board, _ = await cached(engine)
    assert board == world.expected(await achievement_points(engine))


async def test_a_failure_inside_the_scratch_block_is_the_error_raised(
    uow_factory: UowFactory,
) -> None:
    async with uow_factory() as uow:
        with pytest.raises(DBAPIError, match="no_such_table"):
            async with scratch(uow.session, INPUTS):
                await uow.session.execute(sa.text("SELECT * FROM no_such_table"))
