"""A counted answer on MySQL/MariaDB: every write, and the facts, in one round trip.

MySQL allows no writes inside a CTE, so PostgreSQL's one statement (``counted_statements``) is a
short script here, sent as one multi-statement query (the connection is opened with
``CLIENT.MULTI_STATEMENTS``). Each write is gated on the answer's insert as on PostgreSQL:
``LAST_INSERT_ID`` is zeroed first and is non-zero afterwards only if the insert added a
row (a replayed answer hits ``ON DUPLICATE KEY UPDATE id = id`` and leaves it at zero).
The last statement returns ``RECORDED`` and, for a study answer, the learner's facts as they are
after the writes. Sent statement by statement, the same writes cost five or six round
trips, each a wake-up of the server and of the bot: on two shared cores most of an
answer's time.

Each script shape is compiled once per dialect; values are escaped by the driver, as for
any parameterised query. The script runs in the unit of work's transaction; a deadlock
or an outage is reported as the rest of the engine reports them.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import mysql
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from domain.errors import StorageConflict, StorageUnavailable
from domain.progress import AnswerRecorded, CountedAnswer
from infrastructure.db.outage import is_conflict, is_outage
from infrastructure.db.repositories.catalogue_cache import CatalogueSnapshot
from infrastructure.db.repositories.counted_statements import (
    ANSWER_COLUMNS,
    ANSWERS,
    DAYS,
    Shape,
    activities_insert,
    bound,
    card_upsert,
    parameters,
    progress_update,
    recorded_from,
    shape_of,
    wait_ended,
)
from infrastructure.db.repositories.learner_facts import RECORDED, facts_query
from infrastructure.db.repositories.learner_facts import tagged_row as tagged
from infrastructure.db.repositories.totals import claim_mark, mark_statement

FLAG = sa.literal_column("@learnbot_recorded", sa.Integer)
RECORDED_NOW = FLAG == 1
_ZERO = sa.text("DO LAST_INSERT_ID(0)")
_SET_FLAG = sa.text("SET @learnbot_recorded = LAST_INSERT_ID() <> 0")


@dataclass(frozen=True)
class Script:
    """The statements' SQL joined, and how to lay out one answer's values for it."""

    sql: str
    layout: tuple[tuple[str, Callable[[Any], Any] | None], ...]
    """Per placeholder: the parameter's name and the type's bind processor."""
    constants: dict[str, Any]


async def write_counted_mysql(
    session: AsyncSession,
    row: int,
    counted: CountedAnswer,
    points_changed: bool,
    catalogue: CatalogueSnapshot,
) -> AnswerRecorded | None:
    marks = points_changed and claim_mark(session, counted.record.user_id)
    connection = await session.connection()
    script = _script(shape_of(counted, marks), connection.dialect)
    values = script.constants | parameters(row, counted)
    arguments = [
        process(values[name]) if process else values[name] for name, process in script.layout
    ]
    raw = await connection.get_raw_connection()
    try:
        rows = await _run(connection, raw.driver_connection, script.sql, arguments)
    except Exception as error:
        if is_conflict(error):
            raise StorageConflict(f"a deadlock undid the transaction: {error}") from error
        if is_outage(error):
            await connection.invalidate()
            raise StorageUnavailable(f"the database is unavailable: {error}") from error
        raise
    except BaseException:
        await connection.invalidate()  # cancelled half-way through the replies: unusable
        raise
    return recorded_from(rows, counted, catalogue, read_before=False)


async def _run(
    connection: AsyncConnection, driver: Any, sql: str, arguments: Sequence[Any]
) -> list[tuple[Any, ...]]:
    """Every result of the script is read (the connection is unusable until they are);
    the rows are the last SELECT's. The engine's ``before_cursor_execute`` listeners
    (statement counters, tracing) see the script as the one execution it is."""
    rows: list[tuple[Any, ...]] = []
    sync = connection.sync_connection
    async with driver.cursor() as cursor:
        if sync is not None:
            sync.dispatch.before_cursor_execute(sync, cursor, sql, arguments, None, False)
        await cursor.execute(sql, arguments)
        while True:
            if cursor.description:
                rows = list(await cursor.fetchall())
            if not await cursor.nextset():
                return rows


@lru_cache(maxsize=64)
def _script(shape: Shape, dialect: Dialect) -> Script:
    compiled = [statement.compile(dialect=dialect) for statement in _statements(shape)]
    layout = tuple(
        (name, _processor(part.binds[name].type, dialect))
        for part in compiled
        for name in part.positiontup or ()
    )
    constants: dict[str, Any] = {}
    for part in compiled:
        constants |= {
            name: bind.effective_value for name, bind in part.binds.items() if not bind.required
        }
    return Script(";\n".join(part.string for part in compiled), layout, constants)


def _processor(type_: sa.types.TypeEngine[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    return type_.dialect_impl(dialect).bind_processor(dialect)


def _statements(shape: Shape) -> list[Any]:
    user_id = bound(ANSWERS, "user_id", "answer_user_id")
    answer = mysql.insert(ANSWERS).values(
        {name: bound(ANSWERS, name, f"answer_{name}") for name in ANSWER_COLUMNS}
    )
    statements: list[Any] = [_ZERO, answer.on_duplicate_key_update(id=ANSWERS.c.id), _SET_FLAG]
    statements += [progress_update(RECORDED_NOW), activities_insert(shape.activities, RECORDED_NOW)]
    if shape.study_day:
        day = sa.select(user_id.label("user_id"), bound(DAYS, "day", "day").label("day"))
        day_insert = mysql.insert(DAYS).from_select(["user_id", "day"], day.where(RECORDED_NOW))
        statements.append(day_insert.on_duplicate_key_update(day=DAYS.c.day))
    if shape.ends_wait:
        statements.append(wait_ended(RECORDED_NOW))
    if shape.marks:
        learner = sa.select(user_id.label("user_id")).where(RECORDED_NOW)
        statements.append(mark_statement("mysql", learner))
    if shape.card:
        statements.append(card_upsert("mysql", RECORDED_NOW))
    outcome = tagged(RECORDED, FLAG)
    statements.append(sa.union_all(outcome, *facts_query(user_id)) if shape.study_day else outcome)
    return statements
