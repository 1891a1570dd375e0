"""Publishing from an Alembic data migration: on the migration's connection and transaction."""

from pathlib import Path

from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.content import ContentDiff
from learnbot.seed import publish_in_migration
from tests.integration.conftest import UowFactory
from tests.support.packs import write_pack


def migration_step(connection: Connection, pack: Path) -> ContentDiff:
    """What Alembic does around a migration's ``upgrade()``: an operations context."""
    with Operations.context(MigrationContext.configure(connection)):
        return publish_in_migration(pack)


async def test_a_data_migration_publishes_a_pack_in_its_transaction(
    engine: AsyncEngine, uow_factory: UowFactory, tmp_path: Path
) -> None:
    async with engine.connect() as connection:
        diff = await connection.run_sync(migration_step, write_pack(tmp_path))
        await connection.commit()

    async with uow_factory() as uow:
        modules = (await uow.content.current()).modules
    assert "lesson basics/intro" in diff.added
    assert [module.slug for module in modules] == ["basics", "advanced"]


async def test_a_failed_migration_leaves_no_content_behind(
    engine: AsyncEngine, uow_factory: UowFactory, tmp_path: Path
) -> None:
    async with engine.connect() as connection:
        await connection.run_sync(migration_step, write_pack(tmp_path))
        await connection.rollback()

    async with uow_factory() as uow:
        assert (await uow.content.current()).modules == ()
