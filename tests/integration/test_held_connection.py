"""``held_connection`` hands out the connection of the session's open transaction, and never
one that transaction no longer holds: after a commit, a rollback or an invalidation the
session is asked again, so nothing runs outside the unit of work's transaction."""

import sqlalchemy as sa

from infrastructure.db.held import held_connection
from infrastructure.db.models import UserRow, table
from tests.integration.conftest import UowFactory
from tests.integration.test_prepared import add_learner

USERS = table(UserRow)


async def test_within_a_transaction_it_is_the_sessions_connection(
    uow_factory: UowFactory,
) -> None:
    async with uow_factory() as uow:
        first = await held_connection(uow.session)
        assert await held_connection(uow.session) is first
        assert await uow.session.connection() is first


async def test_after_a_commit_it_is_the_next_transactions(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        before = await held_connection(uow.session)
        await add_learner(uow, 1)
        await uow.commit()
        after = await held_connection(uow.session)
        assert after is await uow.session.connection()
        assert after is not before
        await after.execute(sa.delete(USERS))
        await uow.rollback()
    async with uow_factory() as uow:
        assert await uow.session.scalar(sa.select(sa.func.count()).select_from(USERS)) == 1


async def test_after_a_rollback_nothing_runs_outside_the_transaction(
    uow_factory: UowFactory,
) -> None:
    async with uow_factory() as uow:
        await held_connection(uow.session)
        await uow.rollback()
        await add_learner(uow, 2)
        connection = await held_connection(uow.session)
        assert connection is await uow.session.connection()
        await uow.rollback()
    async with uow_factory() as uow:
        assert await uow.session.scalar(sa.select(sa.func.count()).select_from(USERS)) == 0


async def test_an_invalidated_connection_is_not_handed_out(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        held = await held_connection(uow.session)
        await held.invalidate()
        assert held.sync_connection is not None
        assert held.sync_connection.invalidated
        await uow.rollback()
        again = await held_connection(uow.session)
        assert not again.sync_connection.invalidated  # type: ignore[union-attr]
        assert await again.scalar(sa.select(sa.literal(1))) == 1
