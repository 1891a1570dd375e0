"""The ``learnbot`` command: run the product, migrate, and look after the leaderboard."""

import asyncio
import logging
import signal
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from bot.reach import BotApiUnusable
from domain.leaderboard import RefreshResult
from infrastructure.scheduler import refresh_leaderboard as refresh_leaderboard_job
from infrastructure.settings import Settings
from learnbot.app import masked_url, ready_application
from learnbot.console import console, counted, fail, run_ready, set_up_logging
from learnbot.lazy_cli import Lazy, lazy_group
from learnbot.migrate import DatabaseNotReady, alembic_config, migrate_on_start, missing_database
from learnbot.telegram import serve

# The admin commands are imported when run, so `learnbot run` carries none of them.
ADMIN_COMMANDS = {
    "content": Lazy("learnbot.content_cli", "content"),
    "users": Lazy("learnbot.users_cli", "users"),
    "inbox": Lazy("learnbot.inbox_cli", "inbox"),
    "stats": Lazy("learnbot.stats_cli", "stats"),
    "leagues": Lazy("learnbot.leagues_cli", "leagues"),
}
app = typer.Typer(
    no_args_is_help=True,
    help="learnbot: a Telegram learning platform.",
    cls=lazy_group(ADMIN_COMMANDS),
)
db = typer.Typer(
    no_args_is_help=True,
    help="Database migrations (Alembic).",
    cls=lazy_group({"check": Lazy("learnbot.db_check", "check")}),
)
leaderboard = typer.Typer(no_args_is_help=True, help="The leaderboard cache.")
app.add_typer(db, name="db")
app.add_typer(leaderboard, name="leaderboard")
app.callback()(set_up_logging)
log = logging.getLogger(__name__)


@app.command()
def run(
    scheduler: Annotated[
        bool,
        typer.Option(
            envvar="SCHEDULER_IN_BOT", help="Also run the scheduled jobs in this process."
        ),
    ] = True,
) -> None:
    """Serve learners: long polling, or a webhook server when WEBHOOK_URL is set."""
    settings = Settings()
    log.info("Database: %s", masked_url(settings.database_url))
    migrate_on_start(settings)
    if settings.bot_token is None and sys.stdin.isatty():
        console.print("BOT_TOKEN is not set: starting the offline chat instead.")
        chat_command()
        return
    if settings.bot_token is None:
        console.print("[red]BOT_TOKEN is not set.[/] Set it, or try the bot with `learnbot chat`.")
        raise typer.Exit(2)
    token = settings.bot_token.get_secret_value()
    try:
        asyncio.run(_serve(settings, token, with_jobs=scheduler))
    except DatabaseNotReady as error:
        fail(f"{error} Or set AUTO_MIGRATE=1 to migrate on start-up.")
    except BotApiUnusable as error:
        log.error("%s", error)  # a log line, so LOG_FORMAT=json keeps every line JSON
        raise typer.Exit(1) from error


@app.command("chat")
def chat_command() -> None:
    """Talk to the bot in the terminal through the built-in fake Telegram (no token needed)."""
    from learnbot.chat import chat_in_terminal  # the fake Bot API stays out of serving

    run_ready(chat_in_terminal(Settings()))


async def _serve(settings: Settings, token: str, with_jobs: bool) -> None:
    """The bot, and unless ``--no-scheduler`` the jobs, in one process and one event loop."""
    async with ready_application(settings) as learnbot:
        await serve(learnbot, token, settings.telegram_api_url, with_jobs)


@db.command()
def upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
    sql: Annotated[bool, typer.Option(help="Print the SQL instead of running it.")] = False,
    seed: Annotated[
        Path | None, typer.Option(help="A course pack to publish once migrated.")
    ] = None,
) -> None:
    """Apply migrations up to REVISION (default: the latest), then publish --seed if given."""
    from learnbot.content_cli import load_or_exit, publish_path

    if seed is not None:
        load_or_exit(seed)
    _alembic("upgrade", revision, sql=sql)
    if seed is not None:
        publish_path(seed)


@db.command(context_settings={"ignore_unknown_options": True})
def downgrade(
    revision: Annotated[str, typer.Argument(help="Target revision, e.g. -1 or base.")],
) -> None:
    """Revert migrations down to REVISION (-1 is one step back: a number, not an option)."""
    _alembic("downgrade", revision, existing=True)


@db.command()
def current(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    """Show the revision the database is at."""
    _alembic("current", verbose=verbose, existing=True)


@db.command()
def history(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    """List the migrations."""
    _alembic("history", verbose=verbose)


@db.command()
def revision(
    message: Annotated[str, typer.Option("--message", "-m", help="What the migration does.")],
    autogenerate: Annotated[bool, typer.Option(help="Diff the models against the DB.")] = True,
) -> None:
    """Create a new migration file in migrations/versions."""
    _alembic("revision", message=message, autogenerate=autogenerate)


def _alembic(name: str, *args: object, existing: bool = False, **options: object) -> None:
    """An Alembic command; a refusal (an unknown revision, say) is one red line, exit 1.

    Only ``upgrade`` may create a SQLite file: the others refuse one that is not there.
    """
    from alembic import command
    from alembic.util import CommandError

    missing = missing_database(Settings().database_url) if existing else None
    if missing is not None:
        fail(missing)
    try:
        getattr(command, name)(alembic_config(), *args, **options)
    except CommandError as error:
        fail(str(error))


@leaderboard.command("refresh")
def refresh_leaderboard(
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="Recount every learner's totals from all their rows first: after a data fix "
            "in SQL, an import or a restored backup. Waits for a refresh in progress.",
        ),
    ] = False,
) -> None:
    """Recompute the leaderboard cache now, unless another process is recomputing it."""
    started = time.perf_counter()
    doing = "Recounting every learner's totals, then ranking" if full else "Refreshing the board"
    with console.status(f"{doing}..."):
        result = run_ready(_refresh(Settings(), full))
    seconds = time.perf_counter() - started
    if result.ranked is None:
        console.print(f"Skipped: another process is refreshing the board ({seconds:.2f} s).")
        raise typer.Exit(3)
    recounted = "Recounted every learner's totals and ranked" if full else "Ranked"
    console.print(f"{recounted} {counted(result.ranked, 'learner')} in {seconds:.2f} s.")


async def _refresh(settings: Settings, full: bool) -> RefreshResult:
    from infrastructure.scheduler import refresh_leaderboard_fully

    async with ready_application(settings) as learnbot:
        job = (learnbot.unit_of_work, learnbot.clock, settings.default_timezone, learnbot.metrics)
        if full:
            return await refresh_leaderboard_fully(*job, on_schedule=False)
        return await refresh_leaderboard_job(*job)


@app.command("scheduler")
def run_scheduler() -> None:
    """Run the scheduled jobs alone until SIGTERM or SIGINT (the bot then runs without them)."""
    run_ready(_serve_scheduler(Settings()))


async def _serve_scheduler(settings: Settings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signal_number, stop.set)
    async with ready_application(settings) as learnbot, learnbot.scheduler() as scheduler:
        from learnbot.monitoring import serve_metrics

        server = await serve_metrics(learnbot, learnbot.metrics)
        names = ", ".join(job.id for job in scheduler.jobs)
        console.print(f"Scheduler running: {names}. Stop with Ctrl+C or SIGTERM.", highlight=False)
        try:
            await stop.wait()
        finally:
            if server is not None:
                await server.stop()
    console.print("Scheduler stopped.")


def main() -> None:
    app()
