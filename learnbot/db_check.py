"""``learnbot db check``: the maintenance queries, as tables."""

from rich.table import Table

from infrastructure.db.maintenance import IndexUsage, TableUsage, index_usage, table_usage
from learnbot.app import Application, masked_url
from learnbot.console import console, run_in_app


def check() -> None:
    """Table sizes and index usage from the database's own statistics."""

    async def use(learnbot: Application) -> tuple[str, list[TableUsage], list[IndexUsage]]:
        async with learnbot.session_factory() as session:
            url = masked_url(learnbot.settings.database_url)
            return url, await table_usage(session), await index_usage(session)

    url, tables, indexes = run_in_app(use)
    console.print(f"Database: [bold]{url}[/]")
    sizes = Table("Table", "Rows", "Size", "Seq scans", "Index scans", title="Tables")
    for usage in tables:
        sizes.add_row(
            usage.name,
            _number(usage.rows),
            _bytes(usage.size_bytes),
            _number(usage.seq_scans),
            _number(usage.index_scans),
        )
    console.print(sizes)
    used = Table("Table", "Index", "Size", "Scans", title="Indexes")
    for index in indexes:
        used.add_row(index.table, index.name, _bytes(index.size_bytes), _number(index.scans))
    console.print(used)
    console.print("Never-scanned indexes on a busy database are candidates for removal.")


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
