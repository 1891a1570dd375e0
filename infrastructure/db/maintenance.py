"""``db check``: table sizes and index usage, from each backend's own statistics."""

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(frozen=True, slots=True)
class TableUsage:
    name: str
    rows: int | None
    size_bytes: int | None
    seq_scans: int | None = None
    index_scans: int | None = None


@dataclass(frozen=True, slots=True)
class IndexUsage:
    table: str
    name: str
    size_bytes: int | None
    scans: int | None = None


POSTGRES_TABLES = """
SELECT relname, n_live_tup, pg_total_relation_size(relid), seq_scan, idx_scan
FROM pg_stat_user_tables WHERE schemaname = current_schema()
ORDER BY pg_total_relation_size(relid) DESC, relname"""
POSTGRES_INDEXES = """
SELECT relname, indexrelname, pg_relation_size(indexrelid), idx_scan
FROM pg_stat_user_indexes WHERE schemaname = current_schema()
ORDER BY idx_scan, relname, indexrelname"""
MYSQL_TABLES = """
SELECT table_name, table_rows, data_length + index_length
FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'
ORDER BY data_length + index_length DESC, table_name"""
MYSQL_INDEXES = """
SELECT table_name, index_name, NULL FROM information_schema.statistics
WHERE table_schema = DATABASE() GROUP BY table_name, index_name
ORDER BY table_name, index_name"""
SQLITE_INDEXES = """
SELECT tbl_name, name, NULL FROM sqlite_master WHERE type = 'index' ORDER BY tbl_name, name"""
SQLITE_TABLES = """
SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"""


async def table_usage(session: AsyncSession) -> list[TableUsage]:
    """Row counts are the planner's estimates on servers and exact on SQLite."""
    backend = session.get_bind().dialect.name
    if backend == "postgresql":
        return [TableUsage(*row) for row in await _rows(session, POSTGRES_TABLES)]
    if backend in {"mysql", "mariadb"}:
        return [TableUsage(*row) for row in await _rows(session, MYSQL_TABLES)]
    sizes = await _sqlite_sizes(session)
    names = [name for (name,) in await _rows(session, SQLITE_TABLES)]
    return [TableUsage(name, await _count(session, name), sizes.get(name)) for name in names]


async def index_usage(session: AsyncSession) -> list[IndexUsage]:
    """Scans per index where the backend counts them (PostgreSQL), sizes where it can."""
    backend = session.get_bind().dialect.name
    if backend == "postgresql":
        return [IndexUsage(*row) for row in await _rows(session, POSTGRES_INDEXES)]
    if backend in {"mysql", "mariadb"}:
        return [IndexUsage(*row) for row in await _rows(session, MYSQL_INDEXES)]
    sizes = await _sqlite_sizes(session)
    rows = await _rows(session, SQLITE_INDEXES)
    return [IndexUsage(table, name, sizes.get(name)) for table, name, _ in rows]


async def _rows(session: AsyncSession, query: str) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in await session.execute(sa.text(query))]


async def _count(session: AsyncSession, name: str) -> int:
    quoted = session.get_bind().dialect.identifier_preparer.quote(name)
    return int(await session.scalar(sa.text(f"SELECT count(*) FROM {quoted}")) or 0)


async def _sqlite_sizes(session: AsyncSession) -> dict[str, int]:
    """Bytes per table and index from ``dbstat``, when SQLite was built with it."""
    try:
        rows = await session.execute(sa.text("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"))
    except sa.exc.OperationalError:
        return {}
    return {str(name): int(size) for name, size in rows}
