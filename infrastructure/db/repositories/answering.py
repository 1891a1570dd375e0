"""The answer path in SQL: the take in one read; a counted answer in one statement on
PostgreSQL (``counted_statements``), in one multi-statement round trip on MySQL/MariaDB
(``counted_mysql``), and in a few plain statements on SQLite, run on its driver's
connection (``counted_sqlite``). Every statement here is built once and bound per answer.
"""

from collections.abc import Sequence
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

from domain.progress import AnswerRecorded, CountedAnswer, Progress, Take
from infrastructure.db.models import (
    AnswerRow,
    ProgressRow,
    ReviewCardRow,
    table,
)
from infrastructure.db.prepared import fetch_all
from infrastructure.db.repositories.answer_rows import to_answer_record
from infrastructure.db.repositories.catalogue_cache import CatalogueSnapshot
from infrastructure.db.repositories.counted_mysql import write_counted_mysql
from infrastructure.db.repositories.counted_sqlite import write_counted_sqlite
from infrastructure.db.repositories.counted_statements import (
    counted_statement,
    parameters,
    recorded_from,
    shape_of,
)
from infrastructure.db.repositories.review_rows import CARD_COLUMNS, to_card
from infrastructure.db.repositories.totals import claim_mark
from infrastructure.db.transaction import Transaction

ANSWERS, PROGRESS = table(AnswerRow), table(ProgressRow)
CARDS = table(ReviewCardRow)
ANSWER_KEY = ["user_id", "challenge_id", "take", "attempt"]
PROGRESS_COLUMNS = ("status", "score", "attempts", "take", "started_at", "completed_at")
ANSWER_COLUMNS = ("challenge_id", "attempt", "is_correct", "answer", "answered_at")
MYSQL = ("mysql", "mariadb")
PROGRESS_KEY = "FORCE INDEX (uq_user_progress_user_id_lesson_id)"
ANSWERS_KEY = "FORCE INDEX (uq_challenge_answers_user_id_challenge_id_take_attempt)"
CARDS_KEY = "FORCE INDEX (PRIMARY)"
CARD_AT = len(PROGRESS_COLUMNS) + len(ANSWER_COLUMNS) + 1


async def read_take(
    session: AsyncSession,
    user_id: int,
    lesson_id: int,
    challenge_ids: Sequence[int],
    card_of: int | None = None,
) -> Take | None:
    """The take, keyed by the progress row's id: the row locked and left-joined to the take's
    answers to the lesson's challenges (see ``take_select``), and with ``card_of``
    to the learner's review card of that challenge, in the same read."""
    parameters = {"user_id": user_id, "lesson_id": lesson_id, "challenges": list(challenge_ids)}
    parameters["card_of"] = card_of
    array = session.get_bind().dialect.name == "postgresql"
    rows = (await session.execute(_take_statement(card_of is not None, array), parameters)).all()
    return take_from_rows(rows, user_id, lesson_id, card_of) if rows else None


def take_from_rows(
    rows: Sequence[Sequence[Any]], user_id: int, lesson_id: int, card_of: int | None
) -> Take:
    """The take from the rows of ``take_select``, in its column order (at least one row)."""
    first = rows[0]
    progress = Progress(user_id, lesson_id, *first[: len(PROGRESS_COLUMNS)])
    answers = tuple(
        to_answer_record(user_id, progress.take, *row[len(PROGRESS_COLUMNS) : CARD_AT - 1])
        for row in rows
        if row[len(PROGRESS_COLUMNS)] is not None
    )
    card = first[CARD_AT:]
    found = to_card(user_id, card_of, card) if card_of is not None and card[0] is not None else None
    return Take(progress, answers, found, first[CARD_AT - 1])


@cache
def _take_statement(with_card: bool, array: bool) -> sa.Select[Any]:
    """Built once per form (bound per read)."""
    user_id = sa.bindparam("user_id", type_=sa.Integer)
    return take_select(with_card, user_id, array).order_by(
        ANSWERS.c.challenge_id, ANSWERS.c.attempt
    )


def take_select(
    with_card: bool, user_id: sa.ColumnElement[int], array: bool = False
) -> sa.Select[Any]:
    """The take of ``user_id`` in the lesson bound as ``lesson_id``, unordered. ``FOR UPDATE
    OF`` the progress row alone where the dialect can say so. MySQL locks every row it
    reads, so it is told to read the tables by the learner's unique keys: on a fresh table
    its planner would pick ``(lesson_id, status)`` and lock other learners' rows (deadlocks
    between learners). The review card (bound as ``card_of``), at most one row, joins the
    progress row without multiplying rows."""
    joined = sa.and_(
        ANSWERS.c.user_id == PROGRESS.c.user_id,
        ANSWERS.c.take == PROGRESS.c.take,
        _among_challenges(array),
    )
    source = PROGRESS.outerjoin(ANSWERS, joined)
    card_columns: list[sa.ColumnElement[Any]] = []
    if with_card:
        card = sa.and_(
            CARDS.c.user_id == PROGRESS.c.user_id,
            CARDS.c.challenge_id == sa.bindparam("card_of", type_=sa.Integer),
        )
        source = PROGRESS.outerjoin(CARDS, card).outerjoin(ANSWERS, joined)
        card_columns = [CARDS.c[name] for name in CARD_COLUMNS]
    statement = (
        sa.select(*(PROGRESS.c[name] for name in PROGRESS_COLUMNS))
        .add_columns(*(ANSWERS.c[name] for name in ANSWER_COLUMNS), PROGRESS.c.id)
        .add_columns(*card_columns)
        .select_from(source)
        .where(PROGRESS.c.user_id == user_id, PROGRESS.c.lesson_id == sa.bindparam("lesson_id"))
        .with_for_update(of=PROGRESS)
    )
    for dialect in MYSQL:
        statement = statement.with_hint(PROGRESS, PROGRESS_KEY, dialect)
        statement = statement.with_hint(ANSWERS, ANSWERS_KEY, dialect)
        if with_card:
            statement = statement.with_hint(CARDS, CARDS_KEY, dialect)
    return statement


def _among_challenges(array: bool) -> sa.ColumnElement[bool]:
    """The lesson's challenges, bound as ``challenges`` (a list). ``array`` (PostgreSQL
    only): one array parameter, ``= ANY``, so the statement's text is the same for any
    number of challenges; an expanding ``IN`` is rewritten by SQLAlchemy on every
    execution, which cost each read more CPU than any other step of SQLAlchemy's."""
    if array:
        challenges = sa.bindparam("challenges", type_=postgresql.ARRAY(sa.Integer))
        return ANSWERS.c.challenge_id == sa.any_(challenges)
    return ANSWERS.c.challenge_id.in_(sa.bindparam("challenges", expanding=True))


async def write_counted(
    transaction: Transaction,
    row: int,
    counted: CountedAnswer,
    points_changed: bool,
    catalogue: CatalogueSnapshot,
) -> AnswerRecorded | None:
    """``row``: the progress row's id (updated by primary key, so no other learner's row is
    locked); ``points_changed``: the completed score changed, so the totals are marked."""
    dialect = transaction.dialect.name
    if dialect == "postgresql":
        return await _write_at_once(transaction, row, counted, points_changed, catalogue)
    if dialect in MYSQL:
        return await write_counted_mysql(transaction, row, counted, points_changed, catalogue)
    return await write_counted_sqlite(transaction, row, counted, points_changed, catalogue)


async def _write_at_once(
    transaction: Transaction,
    row: int,
    counted: CountedAnswer,
    points_changed: bool,
    catalogue: CatalogueSnapshot,
) -> AnswerRecorded | None:
    marks = points_changed and claim_mark(transaction.marked, counted.record.user_id)
    statement = counted_statement(shape_of(counted, marks))
    rows = await fetch_all(transaction, statement, parameters(row, counted))
    return recorded_from(rows, counted, catalogue, read_before=True)
