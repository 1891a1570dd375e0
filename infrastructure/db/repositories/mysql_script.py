"""Statements sent to MySQL/MariaDB as one multi-statement query: one round trip for many.

aiomysql parses MySQL's protocol in Python, so each round trip costs the bot CPU as well
as a wake-up of the server and of the bot; on two shared cores, most of an answer's time.
Connections are opened with ``CLIENT.MULTI_STATEMENTS``, so statements an update always
sends together go as one query (``counted_mysql``: an answer's writes; ``read_ahead``:
the learner with its take).

A script is compiled once per shape by SQLAlchemy's compiler, with the driver's
positional placeholders (an ``IN`` list compiled for its length); values are escaped by
the driver, as for any parameterised query. Each ``SELECT``'s rows come back converted by
its columns' types, as the session would return them. The engine's listeners (statement
counters, tracing) see the script as the one execution it is; a deadlock or an outage is
reported as the rest of the engine reports them.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.compiler import SQLCompiler

from domain.errors import StorageConflict, StorageUnavailable
from infrastructure.db.outage import is_conflict, is_outage
from infrastructure.db.repositories.mysql_rows import Packed, Processor, Reader, Rows
from infrastructure.db.transaction import Transaction

Statement = sa.ClauseElement | Packed
Items = dict[str, tuple[str, int]]
"""An ``IN`` list's placeholder names: the parameter's name and the item's index."""


@dataclass(frozen=True)
class Script:
    """The statements' SQL joined, how to lay out one run's values, how to read its rows."""

    sql: str
    layout: tuple[tuple[str, int | None, Processor | None], ...]
    """Per placeholder: the parameter's name, the item's index in an ``IN`` list's
    values (None for a plain parameter), and the type's bind processor."""
    constants: dict[str, Any]
    results: tuple[Reader, ...]
    """Per statement that returns rows, in order: how its rows are read."""

    def arguments(self, values: Mapping[str, Any]) -> list[Any]:
        every = self.constants | dict(values)
        arguments = []
        for name, index, process in self.layout:
            value = every[name] if index is None else every[name][index]
            arguments.append(process(value) if process else value)
        return arguments


def compile_script(
    statements: Sequence[Statement], dialect: Dialect, sizes: Mapping[str, int] | None = None
) -> Script:
    """``sizes``: the length of each ``IN`` list (expanding) parameter's values."""
    sent = [s.sent() if isinstance(s, Packed) else s for s in statements]
    parts = [_Part.of(statement, dialect, sizes or {}) for statement in sent]
    results = tuple(
        Reader.of(statement, dialect)
        for statement in statements
        if isinstance(statement, sa.SelectBase | Packed)
    )
    constants: dict[str, Any] = {}
    for part in parts:
        constants |= part.constants
    layout = tuple(entry for part in parts for entry in part.layout)
    return Script(";\n".join(part.sql for part in parts), layout, constants, results)


@cache
def one_statement(statement: sa.Select[Any], dialect: Dialect) -> Script:
    """A ``SELECT`` alone, as a script: its rows read on the driver, as ``prepared`` reads
    PostgreSQL's (compiled once per statement: statements are module-level objects)."""
    return compile_script([statement], dialect)


async def run_script(
    transaction: Transaction, script: Script, values: Mapping[str, Any]
) -> list[Rows]:
    """Each ``SELECT``'s rows, in the script's order, in the unit of work's transaction."""
    driver = await transaction.driver()
    try:
        sets = await _run(transaction, driver, script.sql, script.arguments(values))
    except Exception as error:
        if is_conflict(error):
            raise StorageConflict(f"a deadlock undid the transaction: {error}") from error
        if is_outage(error):
            await transaction.invalidate()
            raise StorageUnavailable(f"the database is unavailable: {error}") from error
        raise
    except BaseException:
        await transaction.invalidate()  # cancelled half-way through the replies: unusable
        raise
    return [reader.rows(rows) for rows, reader in zip(sets, script.results, strict=True)]


async def _run(
    transaction: Transaction, driver: Any, sql: str, arguments: Sequence[Any]
) -> list[Rows]:
    """Every result of the script is read (the connection is unusable until they are)."""
    sets: list[Rows] = []
    async with driver.cursor() as cursor:
        transaction.executing(cursor, sql, arguments)
        await cursor.execute(sql, arguments)
        while True:
            if cursor.description:
                sets.append(list(await cursor.fetchall()))
            if not await cursor.nextset():
                return sets


@dataclass(frozen=True)
class _Part:
    sql: str
    layout: tuple[tuple[str, int | None, Processor | None], ...]
    constants: dict[str, Any]

    @classmethod
    def of(cls, statement: sa.ClauseElement, dialect: Dialect, sizes: Mapping[str, int]) -> "_Part":
        """An ``IN`` list's placeholders are rendered for its length (SQLAlchemy's own
        expansion), each item laid out by its index."""
        compiled = statement.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)
        constants = {
            name: bind.effective_value for name, bind in compiled.binds.items() if not bind.required
        }
        sql, names, items = _expanded(compiled, sizes)
        layout = tuple(
            (*items.get(name, (name, None)), _bind_processor(compiled, items, name, dialect))
            for name in names
        )
        return cls(sql, layout, constants)


def _expanded(compiled: SQLCompiler, sizes: Mapping[str, int]) -> tuple[str, list[str], Items]:
    """The SQL and its placeholders' names, every ``IN`` list rendered for its length."""
    names = list(compiled.positiontup or ())
    if not any(bind.expanding for bind in compiled.binds.values()):
        return compiled.string, names, {}
    blanks = dict.fromkeys(compiled.binds) | {name: [None] * n for name, n in sizes.items()}
    state = compiled.construct_expanded_state(blanks)
    items = {
        item: (name, index)
        for name, expanded in state.parameter_expansion.items()
        for index, item in enumerate(expanded)
    }
    return state.statement, list(state.positiontup or ()), items


def _bind_processor(
    compiled: SQLCompiler, items: Items, name: str, dialect: Dialect
) -> Processor | None:
    bind = compiled.binds[items[name][0] if name in items else name]
    return bind.type.dialect_impl(dialect).bind_processor(dialect)
