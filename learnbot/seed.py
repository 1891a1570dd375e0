"""Publishing a course pack from inside an Alembic data migration.

Alembic runs ``upgrade()`` synchronously on the connection that ``env.py`` opened from an
async engine, inside SQLAlchemy's greenlet bridge. The pack is published on that very
connection, in the migration's transaction, so a failed migration leaves no content behind.
"""

from pathlib import Path

from alembic import op
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.util import await_only

from domain.content import ContentDiff, CoursePack
from infrastructure.clock import SystemClock
from infrastructure.db.content_version import ContentVersion
from infrastructure.db.repositories import SqlContentStore
from infrastructure.db.transaction import Transaction
from learnbot.content import publish, read_pack


def publish_in_migration(path: Path) -> ContentDiff:
    """Call from a migration's ``upgrade()``; raises InvalidPack or ContentConflict."""
    pack = read_pack(path)
    connection = AsyncConnection._retrieve_proxy_for_target(op.get_bind())
    return await_only(_publish(connection, pack))


class _MigrationPorts:
    """The migration owns the transaction: committing here does not end it."""

    def __init__(self, session: AsyncSession) -> None:
        self.content = SqlContentStore(session, ContentVersion(Transaction(session=session)))
        self._session = session

    async def commit(self) -> None:
        await self._session.commit()

    async def rollback(self) -> None:
        await self._session.rollback()


async def _publish(connection: AsyncConnection, pack: CoursePack) -> ContentDiff:
    """Joined "rollback only": the session's commit and close leave the migration's
    transaction to the migration (no savepoint, which SQLite's driver would end early)."""
    if not connection.in_transaction():
        await connection.begin()
    session = AsyncSession(bind=connection, join_transaction_mode="rollback_only")
    try:
        return await publish(_MigrationPorts(session), SystemClock(), pack)
    finally:
        await session.close()
