"""Per-connection temporary tables: scratch space the refresh stages its work in."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

DROP = {
    "mysql": "DROP TEMPORARY TABLE IF EXISTS {name}",
    "mariadb": "DROP TEMPORARY TABLE IF EXISTS {name}",
    "sqlite": "DROP TABLE IF EXISTS temp.{name}",
    "postgresql": "DROP TABLE IF EXISTS pg_temp.{name}",
}
"""MySQL's plain ``DROP TABLE`` would commit the transaction; ``TEMPORARY`` does not."""


def temporary_table(name: str, *columns: sa.Column[Any]) -> sa.Table:
    """Invisible to other sessions and to the migrations (a metadata of its own)."""
    return sa.Table(name, sa.MetaData(), *columns, prefixes=["TEMPORARY"])


@asynccontextmanager
async def scratch(session: AsyncSession, scratch_table: sa.Table) -> AsyncIterator[sa.Table]:
    """The table created empty for the block and dropped after it. A pooled connection
    may still hold one left by a run that failed mid-way, so it is dropped first too."""
    await _drop(session, scratch_table)
    connection = await session.connection()
    await connection.run_sync(scratch_table.create)
    try:
        yield scratch_table
    finally:
        await _drop(session, scratch_table)


async def _drop(session: AsyncSession, scratch_table: sa.Table) -> None:
    dialect = session.get_bind().dialect.name
    await session.execute(sa.text(DROP[dialect].format(name=scratch_table.name)))
