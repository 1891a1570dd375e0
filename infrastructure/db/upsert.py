"""Conflict-tolerant inserts: the database decides who was first, across processes."""

from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.engine import CursorResult, Result
from sqlalchemy.ext.asyncio import AsyncSession


async def insert_if_absent(
    session: AsyncSession, table: sa.Table, values: dict[str, Any], key: list[str]
) -> bool:
    """Insert ``values`` unless a row with the same unique ``key`` exists; True if inserted.

    MySQL has no ``ON CONFLICT DO NOTHING``; a no-op ``ON DUPLICATE KEY UPDATE`` reports a
    fresh insert with a new auto-increment id and a duplicate with ``lastrowid == 0``
    (``INSERT IGNORE`` would also swallow unrelated errors, so it is not used).
    """
    dialect = session.get_bind().dialect.name
    if dialect in {"mysql", "mariadb"}:
        column = key[0] if "id" not in table.c else "id"
        statement = mysql.insert(table).values(values)
        statement = statement.on_duplicate_key_update({column: table.c[column]})
        result = await session.execute(statement)
        return "id" in table.c and bool(cast(CursorResult[Any], result).lastrowid)
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    result = await session.execute(
        insert(table).values(values).on_conflict_do_nothing(index_elements=key)
    )
    return bool(affected(result))


def affected(result: Result[Any]) -> int:
    """Rows matched by an INSERT, UPDATE or DELETE (MySQL is told to report found rows)."""
    return cast(CursorResult[Any], result).rowcount
