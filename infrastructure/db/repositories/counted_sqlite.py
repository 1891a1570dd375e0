"""A counted answer on SQLite: the same writes as the other backends, each statement
compiled once per shape and run on the driver's connection, bypassing SQLAlchemy's
execution path.

SQLite allows no writes inside a CTE and takes one statement per call, so the writes stay
steps; but SQLite runs in process (``sqlite_inline``): a step costs the database a few
microseconds, while SQLAlchemy's execution of it (the compiled-cache look-up, the
execution context, parameter and result processing, a greenlet switch) cost several
times that, on every answer. So each shape's statements are compiled once, and an answer
only lays its values out in the compiled order (through each column type's bind
processor, as SQLAlchemy would) and runs them. The answer's conflict-free insert gates
the rest: a replayed answer inserts nothing and writes nothing more, as elsewhere.

The steps run in the unit of work's transaction, on its connection. The engine's
``before_cursor_execute`` listeners (statement counters, tracing) see each step as the
execution it is. A step that fails raises sqlite3's own error rather than SQLAlchemy's
wrapper of it: nothing on the answer path tells them apart, and the unit of work rolls
back either way. The learner's facts after a study answer are read as before.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Dialect

from domain.progress import AnswerRecorded, CountedAnswer
from infrastructure.db.repositories.catalogue_cache import CatalogueSnapshot
from infrastructure.db.repositories.counted_statements import (
    ANSWER_COLUMNS,
    ANSWER_KEY,
    ANSWERS,
    DAYS,
    Shape,
    activities_insert,
    bound,
    card_upsert,
    parameters,
    progress_update,
    shape_of,
    wait_ended,
)
from infrastructure.db.repositories.learner_facts import read_facts
from infrastructure.db.repositories.totals import claim_mark, mark_statement
from infrastructure.db.transaction import Transaction

ALWAYS = sa.true()


@dataclass(frozen=True)
class Step:
    """One statement's SQL, and how to lay out an answer's values for its placeholders."""

    sql: str
    layout: tuple[tuple[str, Callable[[Any], Any] | None], ...]
    """Per placeholder: the parameter's name and the type's bind processor."""
    constants: dict[str, Any]
    """The values the statement carries itself (``SET pending_challenge_id = NULL``...)."""

    def arguments(self, values: Mapping[str, Any]) -> list[Any]:
        values = self.constants | dict(values) if self.constants else values
        return [process(values[name]) if process else values[name] for name, process in self.layout]


async def write_counted_sqlite(
    transaction: Transaction,
    row: int,
    counted: CountedAnswer,
    points_changed: bool,
    catalogue: CatalogueSnapshot,
) -> AnswerRecorded | None:
    """None if the answer was already recorded (nothing written); else, for a study
    answer, the learner's facts after the writes. The totals mark is claimed first, as
    PostgreSQL's one statement claims it."""
    user_id = counted.record.user_id
    marks = points_changed and claim_mark(transaction.marked, user_id)
    driver = await transaction.driver()
    answer, *writes = _steps(shape_of(counted, marks), transaction.dialect)
    values = parameters(row, counted)
    if not await _run(transaction, driver, answer, values):
        return None
    for step in writes:
        await _run(transaction, driver, step, values)
    if counted.study_day is None:
        return AnswerRecorded(None)
    facts = await read_facts(transaction.session, user_id, catalogue, counted.day_start)
    return AnswerRecorded(facts)


async def _run(transaction: Transaction, driver: Any, step: Step, values: Mapping[str, Any]) -> int:
    """The rows ``step`` changed; ``driver``: the connection's aiosqlite connection."""
    arguments = step.arguments(values)
    async with driver.cursor() as cursor:
        transaction.executing(cursor, step.sql, arguments)
        await cursor.execute(step.sql, arguments)
        return int(cursor.rowcount)


@lru_cache(maxsize=64)
def _steps(shape: Shape, dialect: Dialect) -> tuple[Step, ...]:
    return tuple(_compiled(statement, dialect) for statement in _statements(shape))


def _compiled(statement: Any, dialect: Dialect) -> Step:
    compiled = statement.compile(dialect=dialect)
    names = compiled.positiontup or []
    pairs = [(name, compiled.binds[name]) for name in names]
    layout = tuple(
        (name, bind.type.dialect_impl(dialect).bind_processor(dialect)) for name, bind in pairs
    )
    constants = {name: bind.effective_value for name, bind in pairs if not bind.required}
    return Step(compiled.string, layout, constants)


def _statements(shape: Shape) -> list[Any]:
    """The answer's insert first (its changed rows say whether it is new), then the writes
    PostgreSQL's statement gates on it."""
    user_id = bound(ANSWERS, "user_id", "answer_user_id")
    answer = sqlite.insert(ANSWERS).values(
        {name: bound(ANSWERS, name, f"answer_{name}") for name in ANSWER_COLUMNS}
    )
    statements: list[Any] = [answer.on_conflict_do_nothing(index_elements=ANSWER_KEY)]
    statements += [progress_update(), activities_insert(shape.activities, ALWAYS)]
    if shape.study_day:
        day = sqlite.insert(DAYS).values(user_id=user_id, day=bound(DAYS, "day", "day"))
        statements.append(day.on_conflict_do_nothing(index_elements=["user_id", "day"]))
    if shape.ends_wait:
        statements.append(wait_ended())
    if shape.marks:
        statements.append(
            mark_statement("sqlite", sa.select(user_id.label("user_id")).where(ALWAYS))
        )
    if shape.card:
        statements.append(card_upsert("sqlite"))
    return statements
