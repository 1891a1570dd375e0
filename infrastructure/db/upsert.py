"""Conflict-tolerant inserts: the database decides who was first, across processes."""

from collections.abc import Callable
from functools import cache
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.engine import CursorResult, Result
from sqlalchemy.ext.asyncio import AsyncSession

MYSQL = frozenset({"mysql", "mariadb"})


async def insert_if_absent(
    session: AsyncSession, table: sa.Table, values: dict[str, Any], key: list[str]
) -> bool:
    """Insert ``values`` unless a row with the same unique ``key`` exists; True if inserted.

    MySQL has no ``ON CONFLICT DO NOTHING``; a no-op ``ON DUPLICATE KEY UPDATE`` reports a
    fresh insert with a new auto-increment id and a duplicate with ``lastrowid == 0``
    (``INSERT IGNORE`` would also swallow unrelated errors, so it is not used).
    """
    dialect = session.get_bind().dialect.name
    result = await session.execute(_insert_if_absent(dialect, table, tuple(key)), values)
    if dialect in MYSQL:
        return "id" in table.c and bool(cast(CursorResult[Any], result).lastrowid)
    return bool(affected(result))


@cache
def _insert_if_absent(dialect: str, table: sa.Table, key: tuple[str, ...]) -> Any:
    """Built once per table and key; the values are bound at execution (their names make
    the column list), so no statement is built per insert."""
    if dialect in MYSQL:
        column = key[0] if "id" not in table.c else "id"
        return mysql.insert(table).on_duplicate_key_update({column: table.c[column]})
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(table).on_conflict_do_nothing(index_elements=list(key))


def affected(result: Result[Any]) -> int:
    """Rows matched by an INSERT, UPDATE or DELETE (MySQL is told to report found rows)."""
    return cast(CursorResult[Any], result).rowcount


def upsert(
    dialect: str,
    table: sa.Table,
    rows: dict[str, Any] | sa.Select[Any],
    changes: Callable[[Any], dict[str, Any]],
) -> Any:
    """Insert rows, or apply ``changes`` (given the would-be-inserted row) to the rows
    whose primary key they share: ON CONFLICT DO UPDATE, or MySQL's ON DUPLICATE KEY
    UPDATE. A query of rows needs a WHERE (``sa.true()`` will do) for SQLite to parse it.
    """
    if dialect in MYSQL:
        insert: Any = mysql.insert(table)
    else:
        insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
    if isinstance(rows, dict):
        insert = insert.values(rows)
    else:
        insert = insert.from_select([column.key for column in rows.selected_columns], rows)
    if dialect in MYSQL:
        return insert.on_duplicate_key_update(changes(insert.inserted))
    keys = [column.name for column in table.primary_key.columns]
    return insert.on_conflict_do_update(index_elements=keys, set_=changes(insert.excluded))
