"""The answer path's statements on PostgreSQL: compiled once, run on asyncpg itself.

Through SQLAlchemy, each execution of a prebuilt statement still costs some 3,000 Python
bytecodes (the execution context, the parameters' post-processing, the adapter's cursor
and its description of every column, the result's metadata): four times what asyncpg
spends on the same statement. Here the statement is compiled once per process into its
SQL text, its parameters' order and their types' converters, and each execution only
converts the values and asks asyncpg for the rows, in the session's transaction.

The connection and its transaction stay the session's (BEGIN was sent at checkout, see
``checkout``); a connection with no transaction open, which learnbot's checkout never
hands out, is left to SQLAlchemy's usual path. As for MariaDB's one-trip script
(``counted_mysql``): the engine's ``before_cursor_execute`` listeners see each execution,
a deadlock is StorageConflict and an outage StorageUnavailable (an outage as ``outage``
tells it, or a driver connection that is closed, the asyncpg dialect's own test of a
disconnect; the pooled connection invalidated, as SQLAlchemy's own handling of a
disconnect does), and a connection left half-way through a reply (a cancelled update)
is invalidated too.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

from domain.errors import StorageConflict, StorageUnavailable
from infrastructure.db.outage import is_conflict, is_outage
from infrastructure.db.transaction import Transaction

Converters = tuple[tuple[int, Callable[[Any], Any]], ...]
"""The positions that have a type converter, each with it (most values need none)."""
Statement = sa.Select[*tuple[Any, ...]] | sa.CompoundSelect[*tuple[Any, ...]]


@dataclass(frozen=True, slots=True)
class Prepared:
    """A statement as asyncpg runs it: its text, its parameters' names by position and their
    types' converters, the values it binds itself, and its result columns' converters."""

    sql: str
    names: tuple[str, ...]
    binds: Converters
    constants: dict[str, Any]
    results: Converters

    def arguments(self, values: Mapping[str, Any]) -> list[Any]:
        values = {**self.constants, **values} if self.constants else values
        return _converted([values[name] for name in self.names], self.binds)

    def row(self, record: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(_converted(list(record), self.results))


@cache
def prepared(statement: Statement, dialect: Dialect) -> Prepared:
    """Built once per statement (statements are module-level objects built once)."""
    compiled = statement.compile(dialect=dialect)
    names = tuple(compiled.positiontup or ())
    binds = [_bind_converter(compiled.binds[name].type, dialect) for name in names]
    constants = {
        name: compiled.binds[name].effective_value
        for name in names
        if not compiled.binds[name].required
    }
    columns = statement.selected_columns
    results = [_result_converter(column.type, dialect) for column in columns]
    return Prepared(compiled.string, names, _positions(binds), constants, _positions(results))


async def fetch_all(
    transaction: Transaction, statement: Statement, values: Mapping[str, Any]
) -> list[tuple[Any, ...]]:
    """The statement's rows, as ``session.execute(statement, values).all()`` would give them."""
    dialect = transaction.dialect
    if dialect.driver != "asyncpg":
        return await _through_session(transaction, statement, values)
    driver = await transaction.driver()
    if driver is None or not driver.is_in_transaction():
        return await _through_session(transaction, statement, values)
    plan = prepared(statement, dialect)
    arguments = plan.arguments(values)
    transaction.executing(None, plan.sql, arguments)
    try:
        records = await driver.fetch(plan.sql, *arguments)
    except Exception as error:
        if is_conflict(error):
            raise StorageConflict(f"a deadlock undid the transaction: {error}") from error
        if is_outage(error) or driver.is_closed():
            await transaction.invalidate()
            raise StorageUnavailable(f"the database is unavailable: {error}") from error
        raise
    except BaseException:
        await transaction.invalidate()
        raise
    return [plan.row(record) for record in records]


async def _through_session(
    transaction: Transaction, statement: Statement, values: Mapping[str, Any]
) -> list[tuple[Any, ...]]:
    result = await transaction.session.execute(statement, values)
    return [tuple(row) for row in result.all()]


def _converted(values: list[Any], converters: Converters) -> list[Any]:
    """``values`` with each converter applied in place (SQLAlchemy's leave None as it is)."""
    for at, convert in converters:
        if values[at] is not None:
            values[at] = convert(values[at])
    return values


def _positions(converters: list[Callable[[Any], Any] | None]) -> Converters:
    return tuple((at, convert) for at, convert in enumerate(converters) if convert is not None)


def _bind_converter(
    type_: sa.types.TypeEngine[Any], dialect: Dialect
) -> Callable[[Any], Any] | None:
    return type_.dialect_impl(dialect).bind_processor(dialect)


def _result_converter(
    type_: sa.types.TypeEngine[Any], dialect: Dialect
) -> Callable[[Any], Any] | None:
    """asyncpg returns floats for ``double precision``, so a float column needs none (the
    dialect's numeric processor asks for the column's type code, unknown here)."""
    if isinstance(type_, sa.Float) and not type_.asdecimal:
        return None
    return type_.dialect_impl(dialect).result_processor(dialect, None)
