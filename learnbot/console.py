"""What every admin command shares: one console, and a runner in the application scope."""

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import NoReturn, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from domain.admin import ModuleCounts
from domain.errors import DomainError
from infrastructure.logging import configure_logging
from infrastructure.settings import Settings
from learnbot.app import Application, application

T = TypeVar("T")
console = Console()


def set_up_logging() -> None:
    """LOG_LEVEL and LOG_FORMAT for every command, secrets masked."""
    configure_logging(Settings())


def fail(message: str) -> NoReturn:
    """A refusal the user can act on: one red line, never wrapped, and exit status 1."""
    console.print(message, style="red", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def run_in_app(use: Callable[[Application], Awaitable[T]]) -> T:
    """Run one command's coroutine; a domain refusal is printed and exits with status 1."""

    async def scoped() -> T:
        async with application(Settings()) as learnbot:
            return await use(learnbot)

    try:
        return asyncio.run(scoped())
    except DomainError as error:
        fail(str(error))


def when(moment: datetime | None) -> str:
    return "—" if moment is None else moment.strftime("%Y-%m-%d %H:%M")


def module_table(title: str, modules: Sequence[ModuleCounts]) -> Table:
    table = Table("Module", "Lessons", "Started", "Completed", title=title)
    for module in modules:
        table.add_row(module.title, *map(str, (module.lessons, module.started, module.completed)))
    return table
