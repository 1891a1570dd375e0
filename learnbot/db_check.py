"""``learnbot db check``: the maintenance queries, as tables."""

from rich.table import Table

from infrastructure.db.maintenance import IndexUsage, TableUsage, index_usage, table_usage
from learnbot.app import Application, masked_url
from learnbot.console import console, run_in_app

BACKENDS = {"sqlite": "SQLite", "mysql": "MySQL/MariaDB", "mariadb": "MariaDB"}


def check() -> None:
    """Table sizes and index usage from the database's own statistics."""

    async def use(learnbot: Application) -> tuple[str, str, list[TableUsage], list[IndexUsage]]:
        async with learnbot.session_factory() as session:
            url = masked_url(learnbot.settings.database_url)
            backend = learnbot.engine.dialect.name
            return url, backend, await table_usage(session), await index_usage(session)

    url, backend, tables, indexes = run_in_app(use)
    console.print(f"Database: [bold]{url}[/]")
    console.print(_tables(tables))
    console.print(_indexes(indexes))
    if any(index.scans is not None for index in indexes):
        console.print("Never-scanned indexes on a busy database are candidates for removal.")
    else:
        name = BACKENDS.get(backend, backend)
        console.print(f"{name} keeps no count of scans, so unused indexes cannot be told here.")


def _tables(tables: list[TableUsage]) -> Table:
    """The scan columns only where the backend counts scans: a column of dashes misleads."""
    scans = any(usage.seq_scans is not None or usage.index_scans is not None for usage in tables)
    table = Table("Table", "Rows", "Size", title="Tables")
    if scans:
        table.add_column("Seq scans")
        table.add_column("Index scans")
    for usage in tables:
        counts = (_number(usage.seq_scans), _number(usage.index_scans)) if scans else ()
        table.add_row(usage.name, _number(usage.rows), _bytes(usage.size_bytes), *counts)
    return table


def _indexes(indexes: list[IndexUsage]) -> Table:
    scans = any(index.scans is not None for index in indexes)
    table = Table("Table", "Index", "Size", *(["Scans"] if scans else []), title="Indexes")
    for index in indexes:
        counts = (_number(index.scans),) if scans else ()
        table.add_row(index.table, index.name, _bytes(index.size_bytes), *counts)
    return table


def _number(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def _bytes(value: int | None) -> str:
    if value is None:
        return "—"
    size = float(value)
    for unit in ("B", "kB", "MB"):
        if size < 1024:
            return f"{size:,.0f} {unit}"
        size /= 1024
    return f"{size:,.1f} GB"
