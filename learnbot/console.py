"""What every admin command shares: one console, and a runner in the application scope."""

import asyncio
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer

from domain.admin import ModuleCounts
from domain.errors import DomainError
from infrastructure.logging import configure_logging
from infrastructure.settings import Settings
from learnbot.app import Application, ready_application
from learnbot.migrate import DatabaseNotReady

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

T = TypeVar("T")


class _LazyConsole:
    """rich's Console, made the first time something is printed through it.

    `learnbot run` prints nothing through it (its lines are log records), so the serving
    process never imports rich: 1.5 MB of the 128 MB container (docs/performance.md).
    """

    _made: "Console | None" = None

    def __getattr__(self, name: str) -> Any:
        if self._made is None:
            from rich.console import Console

            self._made = Console()
        return getattr(self._made, name)


console: "Console" = _LazyConsole()  # type: ignore[assignment]  # a Console once used


def set_up_logging() -> None:
    """LOG_LEVEL and LOG_FORMAT for every command, secrets masked."""
    configure_logging(Settings())


def fail(message: str) -> NoReturn:
    """A refusal the user can act on: one red line, never wrapped, and exit status 1."""
    console.print(message, style="red", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def run_ready(main: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run`` for a command that needs the database: if it is missing, unmigrated
    or behind, the user reads what to run in one line (exit status 1), not a traceback."""
    try:
        return asyncio.run(main)
    except DatabaseNotReady as error:
        fail(str(error))


def run_in_app(use: Callable[[Application], Awaitable[T]]) -> T:
    """Run one command's coroutine; a domain refusal is printed and exits with status 1."""

    async def scoped() -> T:
        async with ready_application(Settings()) as learnbot:
            return await use(learnbot)

    try:
        return run_ready(scoped())
    except DomainError as error:
        fail(str(error))


def when(moment: datetime | None) -> str:
    return "—" if moment is None else moment.strftime("%Y-%m-%d %H:%M")


def module_table(title: str, modules: Sequence[ModuleCounts]) -> "Table":
    from rich.table import Table

    table = Table("Module", "Lessons", "Started", "Completed", title=title)
    for module in modules:
        table.add_row(module.title, *map(str, (module.lessons, module.started, module.completed)))
    return table


def counted(n: int, noun: str) -> str:
    """``1 learner``, ``2 learners``: the CLI speaks English only, so it needs no catalogue."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
