"""Counting rows straight from the database, to check what the adapters wrote."""

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine


async def count_rows(engine: AsyncEngine, table: Any, *where: sa.ColumnElement[bool]) -> int:
    async with engine.connect() as connection:
        query = sa.select(sa.func.count()).select_from(table).where(*where)
        return int((await connection.execute(query)).scalar_one())
