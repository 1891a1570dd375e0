"""``learnbot content import``: a teacher's question bank written out as a course pack.

The pack is the existing format, so the usual ``validate`` and ``publish`` follow. What the
bank has that a pack cannot hold is listed per question with its line; ``--strict`` turns
any such note into a failing exit status, for CI that must not lose a question.
"""

import shutil
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from domain.content import CoursePack
from infrastructure.content import export_pack
from infrastructure.importers.format_names import BankFormat
from infrastructure.importers.formats import read_bank
from infrastructure.importers.pack import bank_to_pack
from infrastructure.importers.questions import Bank, BankError
from learnbot.console import console, counted, fail
from learnbot.content_cli import load_or_exit


def import_command(
    format_: Annotated[BankFormat, typer.Argument(metavar="FORMAT", help="The bank's format.")],
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The question bank to read.")],
    into: Annotated[Path, typer.Option(help="The pack folder to write: new or empty.")],
    title: Annotated[str | None, typer.Option(help="Course title (default: file name).")] = None,
    force: Annotated[bool, typer.Option(help="Replace a pack already in --into.")] = False,
    strict: Annotated[
        bool, typer.Option(help="Exit 1 if any question was not kept whole.")
    ] = False,
) -> None:
    """Write a pack from a GIFT, Moodle XML, Aiken or CSV bank; report what it cannot hold."""
    _make_room(into, force)
    try:
        bank = read_bank(format_, file)
    except BankError as error:
        fail(f"{file}: {error}")
    pack = bank_to_pack(bank, title or _title(file), file.name)
    if not pack.modules:
        _report(bank, file.name)
        fail(f"{file}: no question could be imported; nothing was written.")
    export_pack(pack, into)
    load_or_exit(into)
    _report(bank, file.name)
    _summary(bank, pack, into)
    if strict and bank.notes:
        raise typer.Exit(1)


def _make_room(into: Path, force: bool) -> None:
    """Only a pack (a folder with course.yaml) is replaced, so a typo cannot empty $HOME."""
    if not into.exists() or not any(into.iterdir()):
        return
    if not force:
        fail(f"{into} is not empty; import writes a new pack (--force replaces a pack).")
    if not (into / "course.yaml").is_file():
        fail(f"{into} is not empty and holds no course.yaml; --force replaces only a pack.")
    shutil.rmtree(into)


def _title(file: Path) -> str:
    """``solar-system.aiken.txt`` is "Solar system"."""
    words = file.name.split(".")[0].replace("_", " ").replace("-", " ").strip()
    return (words[:1].upper() + words[1:]) or "Imported course"


def _report(bank: Bank, file_name: str) -> None:
    for note in sorted(bank.notes, key=lambda note: note.line):
        console.print(note.describe(file_name), markup=False, highlight=False, soft_wrap=True)


def _summary(bank: Bank, pack: CoursePack, into: Path) -> None:
    skipped = bank.skipped
    imported = Counter(question.source_kind for question in bank.questions)
    console.print(
        f"Imported {counted(imported.total(), 'question')}{_by_kind(imported)}; "
        f"skipped {len(skipped)}{_by_kind(Counter(note.source_kind for note in skipped))}.",
        soft_wrap=True,
    )
    modules, lessons = counted(len(pack.modules), "module"), counted(pack.lesson_count, "lesson")
    console.print(f"Wrote {modules}, {lessons} to {into}.", soft_wrap=True)


def _by_kind(counts: Counter[str]) -> str:
    kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items()) if count)
    return f" ({kinds})" if kinds else ""
