"""The ``learnbot`` CLI in-process, against a test database, off the event loop's thread.

Each command runs ``asyncio.run`` itself, so it is invoked from a worker thread while the
test's own loop keeps serving fixtures (a fake Bot API server, say).
"""

import asyncio

from click.testing import Result
from sqlalchemy.ext.asyncio import AsyncEngine
from typer.testing import CliRunner

from learnbot.cli import app

RUNNER = CliRunner()


async def learnbot(
    engine: AsyncEngine, *args: str, input: str | None = None, **env: str | None
) -> Result:
    environment = {
        "DATABASE_URL": engine.url.render_as_string(hide_password=False),
        "COLUMNS": "200",
        "BOT_TOKEN": None,
        "TELEGRAM_API_URL": None,
    } | env
    return await asyncio.to_thread(RUNNER.invoke, app, list(args), input, environment)


def ok(result: Result) -> str:
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result.output
