"""The ``learnbot`` command: run the product, migrate, and look after the leaderboard."""

import asyncio
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from alembic import command
from rich.console import Console

from domain.services import LeaderboardService
from infrastructure.settings import Settings
from learnbot.app import application, masked_url
from learnbot.chat import chat
from learnbot.console import set_up_logging
from learnbot.content_cli import content, load_or_exit, publish_path
from learnbot.db_check import check
from learnbot.inbox_cli import inbox
from learnbot.migrate import alembic_config, is_up_to_date, migrate_on_start
from learnbot.stats_cli import stats
from learnbot.telegram import serve
from learnbot.users_cli import users

app = typer.Typer(no_args_is_help=True, help="learnbot: a Telegram learning platform.")
db = typer.Typer(no_args_is_help=True, help="Database migrations (Alembic).")
leaderboard = typer.Typer(no_args_is_help=True, help="The leaderboard cache.")
app.add_typer(db, name="db")
app.add_typer(leaderboard, name="leaderboard")
app.add_typer(content, name="content")
app.callback()(set_up_logging)
app.add_typer(users, name="users")
app.add_typer(inbox, name="inbox")
app.command()(stats)
db.command()(check)
console = Console()


@app.command()
def run(
    scheduler: Annotated[
        bool, typer.Option(help="Also run the scheduled jobs in this process.")
    ] = True,
) -> None:
    """Serve learners: long polling, or a webhook server when WEBHOOK_URL is set."""
    settings = Settings()
    console.print(f"Database: [bold]{masked_url(settings.database_url)}[/]")
    migrate_on_start(settings)
    if settings.bot_token is None and sys.stdin.isatty():
        console.print("BOT_TOKEN is not set: starting the offline chat instead.")
        asyncio.run(chat(settings))
        return
    if settings.bot_token is None:
        console.print("[red]BOT_TOKEN is not set.[/] Set it, or try the bot with `learnbot chat`.")
        raise typer.Exit(2)
    asyncio.run(_serve(settings, settings.bot_token.get_secret_value()))


@app.command("chat")
def chat_command() -> None:
    """Talk to the bot in the terminal through the built-in fake Telegram (no token needed)."""
    asyncio.run(chat(Settings()))


async def _serve(settings: Settings, token: str) -> None:
    async with application(settings) as learnbot:
        if not await is_up_to_date(learnbot.engine):
            console.print("[red]The schema is not the latest: run `learnbot db upgrade` first,[/]")
            console.print("[red]or set AUTO_MIGRATE=1 to migrate on start-up.[/]")
            raise typer.Exit(1)
        await serve(learnbot, token, settings.telegram_api_url)


@db.command()
def upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
    sql: Annotated[bool, typer.Option(help="Print the SQL instead of running it.")] = False,
    seed: Annotated[
        Path | None, typer.Option(help="A course pack to publish once migrated.")
    ] = None,
) -> None:
    """Apply migrations up to REVISION (default: the latest), then publish --seed if given."""
    if seed is not None:
        load_or_exit(seed)
    command.upgrade(alembic_config(), revision, sql=sql)
    if seed is not None:
        publish_path(seed)


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
