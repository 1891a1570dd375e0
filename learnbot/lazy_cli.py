"""Command groups whose subcommands are imported only when one of them runs.

``learnbot run`` is the process that lives in a 128 MB container; the admin commands
(content packs, learners, the inbox, statistics, ``db check``) bring YAML, the pack
loader and their tables along. A group built with ``lazy_group`` names those commands
and imports a command's module when the command is looked up: to run it, or to list it
in ``--help``. This is click's documented way of loading subcommands lazily.
"""

import importlib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import typer
from typer.core import TyperGroup

if TYPE_CHECKING:
    from typer._click.core import Command, Context  # typer carries its own click


@dataclass(frozen=True, slots=True)
class Lazy:
    """``attribute`` of ``module``: a ``typer.Typer`` group or a command function."""

    module: str
    attribute: str


def lazy_group(commands: dict[str, Lazy]) -> type[TyperGroup]:
    """A ``TyperGroup`` class (for ``typer.Typer(cls=...)``) that also offers ``commands``."""

    class LazyGroup(TyperGroup):
        def list_commands(self, ctx: "Context") -> list[str]:
            return [*super().list_commands(ctx), *commands]

        def get_command(self, ctx: "Context", cmd_name: str) -> "Command | None":
            lazy = commands.get(cmd_name)
            if lazy is None:
                return super().get_command(ctx, cmd_name)
            return load_command(cmd_name, lazy)

    return LazyGroup


@cache
def load_command(name: str, lazy: Lazy) -> "Command":
    """Import ``lazy`` and turn it into the click command typer would have registered."""
    target = getattr(importlib.import_module(lazy.module), lazy.attribute)
    if isinstance(target, typer.Typer):
        command: Command = typer.main.get_group(target)
    else:
        single = typer.Typer(add_completion=False)
        single.command(name)(target)
        command = typer.main.get_command(single)
    command.name = name
    return command
