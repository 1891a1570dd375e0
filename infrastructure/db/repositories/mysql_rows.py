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
from collections.abc import Callable, Iterator
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
    """How one ``SELECT``'s rows are read: unpacked if packed, then converted per column."""

    packed: bool
    columns: tuple[Processor | None, ...]
    whole: bool = False

    @classmethod
    def of(cls, statement: sa.SelectBase | Packed, dialect: Dialect) -> "Reader":
        packed = isinstance(statement, Packed)
        select = statement.select if isinstance(statement, Packed) else statement
        readers = (_reader(column.type, dialect, packed) for column in select.selected_columns)
        return cls(packed, tuple(readers), isinstance(statement, Packed) and statement.whole)

    def rows(self, rows: Rows) -> Rows:
        if self.whole:
            rows = [tuple(row) for row in json.loads(rows[0][0] or "[]")] if rows else []
        elif self.packed:
            rows = [tuple(json.loads(row[0])) for row in rows]
        if not any(self.columns):
            return rows
        return [tuple(self._each(row)) for row in rows]

    def _each(self, row: tuple[Any, ...]) -> Iterator[Any]:
        for read, value in zip(self.columns, row, strict=True):
            yield read(value) if read else value


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
