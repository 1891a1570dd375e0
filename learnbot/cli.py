"""The ``learnbot`` command: run the product, migrate, and look after the leaderboard."""

import asyncio
import signal
import time
from typing import Annotated

import typer
from alembic import command
from rich.console import Console
from rich.table import Table

from domain.leaderboard import RefreshResult
from infrastructure.db.status import summary
from infrastructure.scheduler import refresh_leaderboard as refresh_leaderboard_job
from infrastructure.settings import Settings
from learnbot.app import application, masked_url
from learnbot.migrate import alembic_config

app = typer.Typer(no_args_is_help=True, help="learnbot: a Telegram learning platform.")
db = typer.Typer(no_args_is_help=True, help="Database migrations (Alembic).")
leaderboard = typer.Typer(no_args_is_help=True, help="The leaderboard cache.")
app.add_typer(db, name="db")
app.add_typer(leaderboard, name="leaderboard")
console = Console()


@app.command()
def run() -> None:
    """Migrate the database to the latest schema and report what it holds."""
    settings = Settings()
    console.print(f"Database: [bold]{masked_url(settings.database_url)}[/]")
    command.upgrade(alembic_config(), "head")
    counts = asyncio.run(_summary(settings))
    table = Table(title="learnbot is ready")
    table.add_column("What")
    table.add_column("How many", justify="right")
    for what, how_many in counts.items():
        table.add_row(what, str(how_many))
    console.print(table)
    if settings.bot_token is None:
        console.print("Set BOT_TOKEN to serve learners in Telegram.")


async def _summary(settings: Settings) -> dict[str, int]:
    async with application(settings) as learnbot, learnbot.session_factory() as session:
        return await summary(session)


@db.command()
def upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
    sql: Annotated[bool, typer.Option(help="Print the SQL instead of running it.")] = False,
) -> None:
    """Apply migrations up to REVISION (default: the latest)."""
    command.upgrade(alembic_config(), revision, sql=sql)


@db.command()
def downgrade(
    revision: Annotated[str, typer.Argument(help="Target revision, e.g. -1 or base.")],
) -> None:
    """Revert migrations down to REVISION."""
    command.downgrade(alembic_config(), revision)


@db.command()
def current(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    """Show the revision the database is at."""
    command.current(alembic_config(), verbose=verbose)


@db.command()
def history(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    """List the migrations."""
    command.history(alembic_config(), verbose=verbose)


@db.command()
def revision(
    message: Annotated[str, typer.Option("--message", "-m", help="What the migration does.")],
    autogenerate: Annotated[bool, typer.Option(help="Diff the models against the DB.")] = True,
) -> None:
    """Create a new migration file in migrations/versions."""
    command.revision(alembic_config(), message=message, autogenerate=autogenerate)


@leaderboard.command("refresh")
def refresh_leaderboard() -> None:
    """Recompute the leaderboard cache now, unless another process is recomputing it."""
    started = time.perf_counter()
    result = asyncio.run(_refresh(Settings()))
    seconds = time.perf_counter() - started
    if result.ranked is None:
        console.print(f"Skipped: another process is refreshing the board ({seconds:.2f} s).")
        raise typer.Exit(3)
    console.print(f"Ranked {result.ranked} learners in {seconds:.2f} s.")


async def _refresh(settings: Settings) -> RefreshResult:
    async with application(settings) as learnbot:
        return await refresh_leaderboard_job(
            learnbot.unit_of_work, learnbot.clock, settings.default_timezone
        )


@app.command("scheduler")
def run_scheduler() -> None:
    """Run the scheduled jobs alone until SIGTERM or SIGINT (the bot then runs without them)."""
    asyncio.run(_serve_scheduler(Settings()))


async def _serve_scheduler(settings: Settings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signal_number, stop.set)
    async with application(settings) as learnbot, learnbot.scheduler() as scheduler:
        names = ", ".join(job.id for job in scheduler.jobs)
        console.print(f"Scheduler running: {names}. Stop with Ctrl+C or SIGTERM.", highlight=False)
        await stop.wait()
    console.print("Scheduler stopped.")


def main() -> None:
    app()
