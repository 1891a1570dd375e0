"""The CSV layout documented in docs/content.md: one question a row, as a spreadsheet keeps it.

Columns are found by their header, in any order: ``question`` and ``answers`` are required;
``module``, ``lesson``, ``title``, ``kind``, ``options``, ``explanation`` and ``points`` are
optional. Several options or answers share a cell, separated by ``|`` (``\\|`` for a bar).
"""

import csv
import io
import re
from collections.abc import Iterator

from domain.enums import ChallengeKind
from domain.kinds import kind_of
from infrastructure.importers.questions import Bank, BankError, Question

COLUMNS = (
    *("module", "lesson", "title", "kind", "question"),
    *("options", "answers", "explanation", "points"),
)
REQUIRED = ("question", "answers")
KIND = "csv"
_BAR = re.compile(r"(?<!\\)\|")


def parse_csv(text: str) -> Bank:
    bank = Bank()
    for line, row in _rows(text):
        try:
            bank.questions.append(_question(line, row))
        except ValueError as error:
            bank.skip(line, KIND, str(error))
    return bank


def _rows(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(first line, row) with blank rows left out; a missing or unknown column is fatal."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    header = [name.strip().lower() for name in next(reader, [])]
    unknown = [name for name in header if name not in COLUMNS]
    missing = [name for name in REQUIRED if name not in header]
    if unknown or missing:
        raise BankError(f"line 1: unknown columns {unknown}, missing columns {missing}")
    line = reader.line_num + 1
    for cells in reader:
        row = {name: cell.strip() for name, cell in zip(header, cells, strict=False)}
        if any(row.values()):
            yield line, row
        line = reader.line_num + 1


def split_cell(cell: str) -> list[str]:
    return [part.strip().replace("\\|", "|") for part in _BAR.split(cell) if part.strip()]


def _question(line: int, row: dict[str, str]) -> Question:
    options, answers = split_cell(row.get("options", "")), split_cell(row.get("answers", ""))
    kind = _kind(row.get("kind", ""), options, answers)
    missing = [answer for answer in answers if answer not in options]
    if not kind_of(kind).typed and missing:
        raise ValueError(f"{missing[0]!r} is not among the options")
    chosen = kind_of(kind).stored(options, answers)
    category = tuple(name for name in (row.get("module", ""), row.get("lesson", "")) if name)
    return Question(
        line=line,
        source_kind=kind.value,
        kind=kind,
        prompt=row.get("question", ""),
        options=tuple(options),
        answers=chosen,
        title=row.get("title") or None,
        category=category,
        explanation=row.get("explanation") or None,
        points=_points(row.get("points", "")),
    )


def _kind(cell: str, options: list[str], answers: list[str]) -> ChallengeKind:
    """Left empty, the kind follows from the cells: no options is a text answer."""
    if cell:
        try:
            return ChallengeKind(cell.lower())
        except ValueError:
            raise ValueError(f"unknown kind {cell!r}") from None
    if not options:
        return ChallengeKind.TEXT
    return ChallengeKind.SINGLE_CHOICE if len(answers) == 1 else ChallengeKind.MULTIPLE_CHOICE


def _points(cell: str) -> int:
    if not cell:
        return 10
    if not cell.isdigit():
        raise ValueError(f"points {cell!r} is not a whole number of 0 or more")
    return int(cell)
