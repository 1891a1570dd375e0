"""What ``learnbot run`` imports: the serving path leaves the admin and migration tools out.

Each of them is resident memory of a process that must fit 128 MB (docs/performance.md);
the commands that need them import them when they run.
"""

import json
import subprocess
import sys

import pytest

LEFT_OUT = [
    "alembic",  # the schema check reads alembic_version itself (learnbot.migrate)
    "yaml",  # course packs are read by `learnbot content`, not by the bot
    "learnbot.content_cli",
    "learnbot.import_cli",
    "infrastructure.importers",  # question banks: GIFT, Moodle XML, Aiken, CSV
    "markdownify",
    "defusedxml",
    "learnbot.users_cli",
    "learnbot.inbox_cli",
    "learnbot.stats_cli",
    "learnbot.db_check",
    "learnbot.chat",  # the offline chat and the fake Bot API it runs on
    "fake_telegram",
    "aiohttp.web",  # the webhook and METRICS_PORT servers import it when they start
    "pymysql",  # the MySQL driver's protocol, loaded with a MySQL URL only
    "rich",  # the admin commands' tables and colours; `run` writes log records
    "markdown_it",  # lesson Markdown, parsed from the first lesson shown
    "fsrs",  # the review scheduler imports it on the first answer, never its optimizer
]


def fresh_python(code: str) -> str:
    """What ``code`` prints in a new interpreter (nothing imported yet)."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout


@pytest.fixture(scope="module")
def serving_modules() -> set[str]:
    """The modules loaded once the CLI is imported and `run` is looked up, in a new process."""
    code = (
        "import json, sys, typer; from learnbot.cli import app;"
        "group = typer.main.get_command(app);"
        "group.get_command(typer.Context(group), 'run');"
        "print(json.dumps(sorted(sys.modules)))"
    )
    return set(json.loads(fresh_python(code)))


@pytest.mark.parametrize("module", LEFT_OUT)
def test_the_serving_process_does_not_import(serving_modules: set[str], module: str) -> None:
    assert module not in serving_modules


def test_the_serving_process_has_the_bot_and_the_database(serving_modules: set[str]) -> None:
    assert {"aiogram", "bot.dispatcher", "sqlalchemy.ext.asyncio"} <= serving_modules


def test_an_admin_command_is_imported_when_it_runs() -> None:
    code = (
        "import sys; from typer.testing import CliRunner; from learnbot.cli import app;"
        "result = CliRunner().invoke(app, ['content', '--help']);"
        "loaded = 'learnbot.content_cli' in sys.modules;"
        "print(result.exit_code, loaded, 'validate' in result.output)"
    )
    assert fresh_python(code).split() == ["0", "True", "True"]
