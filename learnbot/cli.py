"""The ``learnbot`` command: run the product, migrate, and look after the leaderboard."""

import asyncio
import time
from typing import Annotated

import typer
from alembic import command
from rich.console import Console
from rich.table import Table

from domain.services import LeaderboardService
from infrastructure.db.status import summary
from infrastructure.settings import Settings
from learnbot.app import application, masked_url
from learnbot.console import set_up_logging
from learnbot.db_check import check
from learnbot.inbox_cli import inbox
from learnbot.migrate import alembic_config, is_up_to_date, migrate_on_start
from learnbot.stats_cli import stats
from learnbot.users_cli import users

app = typer.Typer(no_args_is_help=True, help="learnbot: a Telegram learning platform.")
db = typer.Typer(no_args_is_help=True, help="Database migrations (Alembic).")
leaderboard = typer.Typer(no_args_is_help=True, help="The leaderboard cache.")
app.add_typer(db, name="db")
app.add_typer(leaderboard, name="leaderboard")
app.callback()(set_up_logging)
app.add_typer(users, name="users")
app.add_typer(inbox, name="inbox")
app.command()(stats)
db.command()(check)
console = Console()


@app.command()
def run() -> None:
    """Report what the database holds; with AUTO_MIGRATE=1, migrate it first."""
    settings = Settings()
    console.print(f"Database: [bold]{masked_url(settings.database_url)}[/]")
    migrate_on_start(settings)
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
    async with application(settings) as learnbot:
        if not await is_up_to_date(learnbot.engine):
            console.print("[red]The schema is not the latest: run `learnbot db upgrade` first,[/]")
            console.print("[red]or set AUTO_MIGRATE=1 to migrate on start-up.[/]")
            raise typer.Exit(1)
        async with learnbot.session_factory() as session:
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
    """Recompute the leaderboard cache now."""
    started = time.perf_counter()
    ranked = asyncio.run(_refresh(Settings()))
    console.print(f"Ranked {ranked} learners in {time.perf_counter() - started:.2f} s.")


async def _refresh(settings: Settings) -> int:
    async with application(settings) as learnbot, learnbot.unit_of_work() as uow:
        return await LeaderboardService(uow, learnbot.clock).refresh()


def main() -> None:
    app()
