"""What the validator reports: one problem per mistake, pinned to a file, line and field."""

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.message}"


class InvalidPack(Exception):
    """The pack has problems; nothing was published."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        count = len(problems)
        super().__init__(f"{count} problem{'' if count == 1 else 's'} in the course pack")
        self.problems = list(problems)


def field_path(location: Sequence[str | int]) -> str:
    """``('challenges', 2, 'answer')`` becomes ``challenges[2].answer``."""
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else part
    return path or "(document)"
