"""``learnbot leagues``: close the weekly leagues by hand."""

import time
from typing import Annotated

import typer

from domain.leagues import RolloverResult
from domain.services import NewsReport
from infrastructure.scheduler import roll_leagues
from infrastructure.settings import Settings
from learnbot.app import league_news, ready_application
from learnbot.console import console, counted, run_ready
from learnbot.notifier import notifier

leagues = typer.Typer(no_args_is_help=True, help="The weekly leagues.")
WAIT_SECONDS = 600
"""How long the operator's run waits for a rollover in progress: far longer than one takes."""


@leagues.command("rollover")
def rollover(
    tell: Annotated[
        bool,
        typer.Option(
            "--tell/--no-tell",
            help="Then tell each member the week's result (needs BOT_TOKEN); the hourly "
            "job tells whatever is left untold.",
        ),
    ] = True,
) -> None:
    """Close the weeks that ended and form the next leagues now: what the scheduled job
    does. A week already closed is never closed again; a rollover in progress is waited
    for."""
    started = time.perf_counter()
    with console.status("Closing the weeks that ended..."):
        result, report = run_ready(_rollover(Settings(), tell))
    seconds = time.perf_counter() - started
    if result.closed is None:
        console.print(f"Skipped: another process holds the leagues' lock ({seconds:.2f} s).")
        raise typer.Exit(3)
    if not result.closed:
        console.print(f"Nothing to close: every week that ended is closed ({seconds:.2f} s).")
    else:
        weeks = ", ".join(f"the week of {week}" for week in result.closed)
        placed = counted(result.placed, "learner")
        console.print(f"Closed {weeks}; {placed} in this week's leagues ({seconds:.2f} s).")
    if tell and Settings().bot_token is None:
        console.print("BOT_TOKEN is not set: the results are left for the scheduled job.")
    elif tell:
        console.print(
            f"Results: {report.sent} sent, {report.blocked} blocked, {report.failed} failed."
        )


async def _rollover(settings: Settings, tell: bool) -> tuple[RolloverResult, NewsReport]:
    """Without BOT_TOKEN nothing could be delivered, so nothing is claimed as told."""
    tell = tell and settings.bot_token is not None
    async with ready_application(settings) as learnbot:
        news = (lambda: notifier(settings), league_news()) if tell else None
        return await roll_leagues(
            learnbot.unit_of_work,
            learnbot.clock,
            settings.default_timezone,
            settings.leagues(),
            news,
            wait_seconds=WAIT_SECONDS,
        )
