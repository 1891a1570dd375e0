"""A script's rows read back as the session would return them; wide reads packed as JSON.

MySQL's protocol describes every column of a result before its rows, and aiomysql parses
each description, and each value of a text row, in Python: about 6 µs of the bot's CPU a
column, so a read of 34 columns costs more in descriptions than in anything else.
``Packed(select)`` sends the same ``SELECT`` with its columns as one ``JSON_ARRAY`` per
row, decoded by ``json.loads`` (in C) and then by each column's own result processor; a
third of the CPU for the same values. JSON carries numbers, strings and NULL as the text
protocol does; dates and datetimes arrive as ISO strings and are parsed back; exact
decimals would arrive as floats, so a ``Numeric`` column is refused.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

Processor = Callable[[Any], Any]
Rows = list[tuple[Any, ...]]


@dataclass(frozen=True)
class Packed:
    """A ``SELECT`` whose columns travel as one JSON array per row; ``whole``: all its rows
    as one JSON array of them, in one row (``JSON_ARRAYAGG``). aiomysql reads each row of a
    result in Python, several packets' worth of calls a row, so a read of many short rows
    (a learner's facts: a row per lesson completed, per day studied) costs far less as one
    row. Its length is capped by ``group_concat_max_len``, which the engine's connections
    raise (``engine.MYSQL_INIT``)."""

    select: sa.Select[Any] | sa.CompoundSelect[Any]
    whole: bool = False

    def sent(self) -> sa.Select[Any]:
        if self.whole:
            rows = self.select.subquery("packed")
            return sa.select(sa.func.json_arrayagg(sa.func.json_array(*rows.c)))
        assert isinstance(self.select, sa.Select), "only a whole compound select is packable"
        return self.select.with_only_columns(sa.func.json_array(*self.select.selected_columns))


@dataclass(frozen=True)
class Reader:
    """How one ``SELECT``'s rows are read: unpacked if packed, then converted, in place, in
    the columns that have a conversion (a learner's facts: only the day of each row)."""

    packed: bool
    converting: tuple[tuple[int, Processor], ...]
    """Each column that has a conversion, by position, with it."""
    whole: bool = False

    @classmethod
    def of(cls, statement: sa.SelectBase | Packed, dialect: Dialect) -> "Reader":
        packed = isinstance(statement, Packed)
        select = statement.select if isinstance(statement, Packed) else statement
        readers = (_reader(column.type, dialect, packed) for column in select.selected_columns)
        converting = tuple((at, read) for at, read in enumerate(readers) if read is not None)
        return cls(packed, converting, isinstance(statement, Packed) and statement.whole)

    def rows(self, rows: Rows) -> Rows:
        listed: list[list[Any]]
        if self.whole:
            listed = json.loads(rows[0][0] or "[]") if rows else []
        elif self.packed:
            listed = [json.loads(row[0]) for row in rows]
        elif not self.converting:
            return rows
        else:
            listed = [list(row) for row in rows]
        for row in listed:
            for at, read in self.converting:
                row[at] = read(row[at])
        return [tuple(row) for row in listed]


def _reader(type_: sa.types.TypeEngine[Any], dialect: Dialect, packed: bool) -> Processor | None:
    process = type_.dialect_impl(dialect).result_processor(dialect, None)
    parse = _parser(type_) if packed else None
    return process if parse is None else partial(_parsed, parse, process)


def _parser(type_: sa.types.TypeEngine[Any]) -> Processor | None:
    """From what JSON carries to what the driver would return."""
    base = type_.impl_instance if isinstance(type_, sa.TypeDecorator) else type_
    if isinstance(base, sa.DateTime):
        return datetime.fromisoformat
    if isinstance(base, sa.Date):
        return date.fromisoformat
    if isinstance(base, sa.Numeric) and not isinstance(base, sa.Float):
        raise TypeError(f"{type_!r} would lose its exact value in JSON: not packable")
    return None


def _parsed(parse: Processor, process: Processor | None, value: Any) -> Any:
    value = None if value is None else parse(value)
    return process(value) if process else value
