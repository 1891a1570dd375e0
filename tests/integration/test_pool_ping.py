"""PostgreSQL connections are checked on checkout in one round trip (not SQLAlchemy's
three); a connection the server dropped is replaced before any statement sees it."""

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from infrastructure.db.engine import create_engine
from infrastructure.settings import Settings
from tests.support.databases import ScratchDatabases
from tests.support.statements import counted


async def test_a_connection_the_server_dropped_is_replaced_on_checkout(
    scratch_databases: ScratchDatabases,
) -> None:
    url = (await scratch_databases.create("postgresql")).render_as_string(hide_password=False)
    engine = create_engine(Settings(database_url=url))
    admin = create_async_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            victim = await connection.scalar(sa.text("SELECT pg_backend_pid()"))
        async with admin.connect() as connection:
            ended = sa.text("SELECT pg_terminate_backend(:pid, 5000)")
            assert await connection.scalar(ended, {"pid": victim})
        with counted(engine) as log:
            async with engine.connect() as connection:
                survivor = await connection.scalar(sa.text("SELECT pg_backend_pid()"))
        assert survivor != victim
        assert log.statements == ["SELECT pg_backend_pid()"]
    finally:
        await engine.dispose()
        await admin.dispose()
