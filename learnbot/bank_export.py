"""``learnbot content export --format``: the database's challenges as a question bank.

A bank holds questions only: lesson text, achievements and whatever the format lacks are
not written, and each challenge that loses something is named.
"""

from collections.abc import Callable
from pathlib import Path

from domain.content import CoursePack
from infrastructure.importers.format_names import BankFormat
from infrastructure.importers.formats import WRITERS
from learnbot.console import console, counted, fail


def export_bank(format_: BankFormat, path: Path, current: Callable[[], CoursePack]) -> None:
    """``current`` reads the database only once the path is known to be free."""
    if path.exists():
        fail(f"{path} exists; export --format writes a new file.")
    pack = current()
    written = WRITERS[format_](pack)
    path.write_text(written.text, encoding="utf-8")
    for note in written.notes:
        console.print(note, markup=False, highlight=False, soft_wrap=True)
    total = sum(len(lesson.challenges) for module in pack.modules for lesson in module.lessons)
    console.print(
        f"Exported {counted(total - written.left_out, 'challenge')} to {path} ({format_.value}); "
        f"left out {written.left_out}. Lesson text and achievements are not part of a bank.",
        soft_wrap=True,
    )
