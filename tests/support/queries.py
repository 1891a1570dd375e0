"""Counting rows straight from the database, to check what the adapters wrote."""

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from infrastructure.db.models import Base


async def count_rows(engine: AsyncEngine, table: Any, *where: sa.ColumnElement[bool]) -> int:
    async with engine.connect() as connection:
        query = sa.select(sa.func.count()).select_from(table).where(*where)
        return int((await connection.execute(query)).scalar_one())


async def owned_rows(engine: AsyncEngine, user_id: int) -> dict[str, int]:
    """Rows per learner-owned table (every table with a ``user_id``, and ``users`` itself)."""
    counts = {}
    for table in Base.metadata.sorted_tables:
        column = table.c.get("user_id") if table.name != "users" else table.c.id
        if column is not None:
            counts[table.name] = await count_rows(engine, table, column == user_id)
    return counts
