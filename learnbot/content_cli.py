"""``learnbot content``: validate a course pack, publish it with a diff, export it back.

``import`` (learnbot.import_cli) is loaded only when it runs: it brings the bank parsers.
"""

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress

from domain.content import ContentDiff, CoursePack
from domain.errors import ContentConflict
from infrastructure.content import InvalidPack, export_pack
from infrastructure.importers.format_names import BankFormat
from infrastructure.settings import Settings
from learnbot.app import ready_application
from learnbot.console import counted, run_ready
from learnbot.content import current_pack, publish, read_pack
from learnbot.lazy_cli import Lazy, lazy_group

content = typer.Typer(
    no_args_is_help=True,
    help="Course packs: validate, publish, export, import a question bank.",
    cls=lazy_group({"import": Lazy("learnbot.import_cli", "import_command")}),
)
console = Console()
LARGE_PACK = 50
"""Lessons from which publishing shows a progress bar."""

PackPath = Annotated[Path, typer.Argument(help="The course pack folder.")]


@content.command()
def validate(path: PackPath) -> None:
    """Check a pack and list every problem with its file, line and field."""
    pack = load_or_exit(path)
    challenges = sum(len(lesson.challenges) for m in pack.modules for lesson in m.lessons)
    console.print(
        f"[green]OK[/]: {counted(len(pack.modules), 'module')}, "
        f"{counted(pack.lesson_count, 'lesson')}, {counted(challenges, 'challenge')}, "
        f"{counted(len(pack.achievements), 'achievement')}."
    )


@content.command("publish")
def publish_command(
    path: PackPath,
    dry_run: Annotated[bool, typer.Option(help="Show the diff without writing.")] = False,
) -> None:
    """Publish a pack in one transaction and print what was added, changed, unpublished."""
    publish_path(path, dry_run)
    if dry_run:
        console.print("[yellow]Dry run[/]: nothing was written.")


def publish_path(path: Path, dry_run: bool = False) -> ContentDiff:
    """Also the seed step of ``learnbot db upgrade --seed``."""
    pack = load_or_exit(path)
    try:
        diff = run_ready(_publish(Settings(), pack, dry_run))
    except ContentConflict as error:
        console.print(f"[red]Refused[/]: {error}")
        raise typer.Exit(1) from error
    print_diff(diff)
    return diff


async def _publish(settings: Settings, pack: CoursePack, dry_run: bool) -> ContentDiff:
    async with ready_application(settings) as app, app.unit_of_work() as uow:
        if pack.lesson_count < LARGE_PACK:
            return await publish(uow, app.clock, pack, dry_run)
        with Progress(console=console, transient=True) as bar:
            task = bar.add_task("Publishing", total=pack.lesson_count)
            return await publish(
                uow, app.clock, pack, dry_run, lambda done: bar.advance(task, done)
            )


@content.command("export")
def export_command(
    path: Annotated[
        Path, typer.Argument(help="An empty or new folder (a new file with --format).")
    ],
    title: Annotated[str, typer.Option(help="The course title for course.yaml.")] = "Course",
    format_: Annotated[
        BankFormat | None,
        typer.Option("--format", help="Write a question bank in this format instead of a pack."),
    ] = None,
) -> None:
    """Write the database's content back as a pack that validates and publishes."""
    if format_ is not None:
        from learnbot.bank_export import export_bank

        export_bank(format_, path, lambda: run_ready(_current(Settings(), title)))
        return
    if path.exists() and any(path.iterdir()):
        console.print(f"[red]{path} is not empty[/]; export writes into a new folder.")
        raise typer.Exit(1)
    pack = run_ready(_current(Settings(), title))
    export_pack(pack, path)
    modules, lessons = counted(len(pack.modules), "module"), counted(pack.lesson_count, "lesson")
    console.print(f"Exported {modules}, {lessons} to {path}.")


async def _current(settings: Settings, title: str) -> CoursePack:
    async with ready_application(settings) as app:
        return await current_pack(app, title)


def load_or_exit(path: Path) -> CoursePack:
    try:
        return read_pack(path)
    except InvalidPack as error:
        for problem in error.problems:
            console.print(str(problem), markup=False, highlight=False, soft_wrap=True)
        console.print(
            f"[red]{counted(len(error.problems), 'problem')}[/] in {path}.", soft_wrap=True
        )
        raise typer.Exit(1) from error


def print_diff(diff: ContentDiff) -> None:
    if not diff:
        console.print("Nothing to change: the database already matches the pack.")
    for label, style, paths in (
        ("added", "green", diff.added),
        ("changed", "yellow", diff.changed),
        ("unpublished", "red", diff.unpublished),
    ):
        for item in paths:
            console.print(f"[{style}]{label:>11}[/] {item}", soft_wrap=True)
    if diff:
        console.print(
            f"{len(diff.added)} added, {len(diff.changed)} changed, "
            f"{len(diff.unpublished)} unpublished."
        )
