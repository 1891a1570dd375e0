"""A counted answer on MySQL/MariaDB: every write, and the facts, in one round trip.

MySQL allows no writes inside a CTE, so PostgreSQL's one statement (``counted_statements``)
is a short script here, sent as one multi-statement query (``mysql_script``). Each write
is gated on the answer's insert as on PostgreSQL: ``LAST_INSERT_ID`` is zeroed first and
is non-zero afterwards only if the insert added a row (a replayed answer hits ``ON
DUPLICATE KEY UPDATE id = id`` and leaves it at zero). The last statement returns
``RECORDED`` and, for a study answer, the learner's facts as they are after the writes.
Sent statement by statement, the same writes cost five or six round trips, each a
wake-up of the server and of the bot: on two shared cores most of an answer's time.

Each script shape is compiled once per dialect and runs in the unit of work's transaction.
"""

from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import mysql
from sqlalchemy.engine import Dialect

from domain.progress import AnswerRecorded, CountedAnswer
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
from infrastructure.db.repositories.mysql_rows import Packed
from infrastructure.db.repositories.mysql_script import Script, compile_script, run_script
from infrastructure.db.repositories.totals import claim_mark, mark_statement
from infrastructure.db.transaction import Transaction

FLAG = sa.literal_column("@learnbot_recorded", sa.Integer)
RECORDED_NOW = FLAG == 1
_ZERO = sa.text("DO LAST_INSERT_ID(0)")
_SET_FLAG = sa.text("SET @learnbot_recorded = LAST_INSERT_ID() <> 0")


async def write_counted_mysql(
    transaction: Transaction,
    row: int,
    counted: CountedAnswer,
    points_changed: bool,
    catalogue: CatalogueSnapshot,
) -> AnswerRecorded | None:
    marks = points_changed and claim_mark(transaction.marked, counted.record.user_id)
    script = _script(shape_of(counted, marks), transaction.dialect)
    results = await run_script(transaction, script, parameters(row, counted))
    return recorded_from(results[-1], counted, catalogue, read_before=False)


@lru_cache(maxsize=64)
def _script(shape: Shape, dialect: Dialect) -> Script:
    return compile_script(_statements(shape), dialect)


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
    if shape.study_day:
        statements.append(Packed(sa.union_all(outcome, *facts_query(user_id)), whole=True))
    else:
        statements.append(outcome)
    return statements
