"""A counted answer's statements, built once per shape and bound per answer: on PostgreSQL
the whole answer in one statement; the same builders (the progress update, the end of a
wait, the parameter names) serve MariaDB's one-trip script and SQLite's steps.

Every write is a data-modifying CTE gated on the answer's conflict-free insert, and the
statement's own SELECT returns the learner's facts as it was before it; the writes are
known, so they are added in Python instead of read back.

The statement varies only in its shape (how many activity rows, whether a study day, the
end of a wait, the totals mark and the facts are part of it), so each shape is built
once per process and every answer only binds values: building it with SQLAlchemy on
every answer (and computing its cache key) cost more CPU than the database spent on it.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import mysql, postgresql, sqlite

from domain.progress import AnswerRecorded, CountedAnswer
from infrastructure.db.models import (
    ActivityRow,
    AnswerRow,
    ProgressRow,
    ReviewCardRow,
    StudyDayRow,
    UserRow,
)
from infrastructure.db.models import table as table_of
from infrastructure.db.repositories.activity import activity_values
from infrastructure.db.repositories.answer_rows import answer_values
from infrastructure.db.repositories.catalogue_cache import CatalogueSnapshot
from infrastructure.db.repositories.learner_facts import (
    RECORDED,
    facts_query,
    fold_facts,
    tagged_row,
)
from infrastructure.db.repositories.review_rows import CARD_COLUMNS, card_values
from infrastructure.db.repositories.totals import mark_statement

ANSWERS, PROGRESS, ACTIVITY = table_of(AnswerRow), table_of(ProgressRow), table_of(ActivityRow)
DAYS, USERS, CARDS = table_of(StudyDayRow), table_of(UserRow), table_of(ReviewCardRow)
ANSWER_KEY = ["user_id", "challenge_id", "take", "attempt"]
PROGRESS_COLUMNS = ("status", "score", "attempts", "take", "started_at", "completed_at")
ANSWER_COLUMNS = (
    "user_id",
    "challenge_id",
    "take",
    "attempt",
    "is_correct",
    "answer",
    "answered_at",
)
ACTIVITY_COLUMNS = ("user_id", "activity_type", "created_at", "entity_type", "entity_id", "details")


@dataclass(frozen=True)
class Shape:
    activities: int
    study_day: bool
    ends_wait: bool
    marks: bool
    card: bool


def shape_of(counted: CountedAnswer, marks: bool) -> Shape:
    activities, card = len(counted.activities), counted.card is not None
    return Shape(activities, counted.study_day is not None, counted.ends_wait, marks, card)


def parameters(row: int, counted: CountedAnswer) -> dict[str, Any]:
    """The values every shape binds: the answer, the progress row and its new state, the
    activity rows (``activity_N_...``), the study day."""
    values = {f"answer_{name}": value for name, value in answer_values(counted.record).items()}
    values["row"] = row
    values |= {f"progress_{name}": getattr(counted.progress, name) for name in PROGRESS_COLUMNS}
    for number, activity in enumerate(counted.activities):
        values |= {f"activity_{number}_{k}": v for k, v in activity_values(activity).items()}
    values["day"] = counted.study_day
    values["since"] = counted.day_start
    if counted.card is not None:
        values |= {f"card_{name}": value for name, value in card_values(counted.card).items()}
    return values


def recorded_from(
    rows: Sequence[Sequence[Any]],
    counted: CountedAnswer,
    catalogue: CatalogueSnapshot,
    *,
    read_before: bool,
) -> AnswerRecorded | None:
    """The port's answer from a one-trip write's rows: None if the answer was already
    recorded, else the facts (``read_before``: read before the writes, which are then
    added in Python; otherwise read after them)."""
    if not next(number for kind, number, *_ in rows if kind == RECORDED):
        return None
    if counted.study_day is None:
        return AnswerRecorded(None)
    return AnswerRecorded(fold_facts(rows, catalogue, counted if read_before else None))


@cache
def counted_statement(shape: Shape) -> sa.CompoundSelect[str, int, int, date]:
    """Returns tagged rows: ``RECORDED`` with 1 if the answer was new, then the facts
    (when there is a study day) as ``facts_query`` reads it."""
    user_id = bound(ANSWERS, "user_id", "answer_user_id")
    answer = (
        postgresql.insert(ANSWERS)
        .values({name: bound(ANSWERS, name, f"answer_{name}") for name in ANSWER_COLUMNS})
        .on_conflict_do_nothing(index_elements=ANSWER_KEY)
        .returning(ANSWERS.c.id)
        .cte("answer")
    )
    recorded = sa.exists(sa.select(answer.c.id))
    writes = list(_writes(shape, user_id, recorded))
    outcome = tagged_row(RECORDED, sa.select(sa.func.count()).select_from(answer).scalar_subquery())
    parts = [outcome]
    if shape.study_day:
        solving = bound(ANSWERS, "challenge_id", "answer_challenge_id")
        parts.extend(facts_query(user_id, solving=solving))
    return sa.union_all(*parts).add_cte(
        *(write.cte(f"write_{number}") for number, write in enumerate(writes))
    )


def progress_update(*conditions: sa.ColumnElement[bool]) -> sa.Update:
    """The progress row, by primary key (no other learner's row is locked), set to the
    counted state."""
    return (
        sa.update(PROGRESS)
        .where(PROGRESS.c.id == sa.bindparam("row", type_=sa.Integer), *conditions)
        .values(
            {name: bound(PROGRESS, name, f"progress_{name}") for name in PROGRESS_COLUMNS}
            | {"updated_at": sa.func.now()}
        )
    )


def wait_ended(*conditions: sa.ColumnElement[bool]) -> sa.Update:
    """The text challenge is solved: the learner's next message answers nothing."""
    user_id = bound(ANSWERS, "user_id", "answer_user_id")
    waiting = USERS.c.pending_challenge_id == bound(ANSWERS, "challenge_id", "answer_challenge_id")
    return (
        sa.update(USERS)
        .where(USERS.c.id == user_id, waiting, *conditions)
        .values(pending_challenge_id=None)
    )


def _writes(shape: Shape, user_id: sa.BindParameter[Any], recorded: sa.Exists) -> Iterator[Any]:
    yield progress_update(recorded)
    yield activities_insert(shape.activities, recorded)
    if shape.study_day:
        day = sa.select(user_id.label("user_id"), bound(DAYS, "day", "day").label("day"))
        yield (
            postgresql.insert(DAYS)
            .from_select(["user_id", "day"], day.where(recorded))
            .on_conflict_do_nothing(index_elements=["user_id", "day"])
        )
    if shape.ends_wait:
        yield wait_ended(recorded)
    if shape.marks:
        yield mark_statement("postgresql", sa.select(user_id.label("user_id")).where(recorded))
    if shape.card:
        yield card_upsert("postgresql", recorded)


@cache
def card_upsert(dialect: str, recorded: sa.ColumnElement[bool] | None = None) -> Any:
    """The answered challenge's review card, inserted or set to its state after the answer
    (``card_...`` parameters), when ``recorded``; an existing card only if it is still the
    one the answer was rated from (one review fewer), so a review answered meanwhile on
    another screen is not overwritten with a state computed before it."""
    columns = ["user_id", "challenge_id", *CARD_COLUMNS]
    row = sa.select(*(bound(CARDS, name, f"card_{name}").label(name) for name in columns))
    row = row.where(sa.true() if recorded is None else recorded)
    if dialect == "mysql":
        mine = mysql.insert(CARDS).from_select(columns, row)
        unchanged = CARDS.c.reps == mine.inserted.reps - 1
        return mine.on_duplicate_key_update(
            [
                (name, sa.func.if_(unchanged, mine.inserted[name], CARDS.c[name]))
                for name in [*(n for n in CARD_COLUMNS if n != "reps"), "reps"]
            ]
        )
    insert = postgresql.insert(CARDS) if dialect == "postgresql" else sqlite.insert(CARDS)
    insert = insert.from_select(columns, row)
    return insert.on_conflict_do_update(
        index_elements=["user_id", "challenge_id"],
        set_={name: insert.excluded[name] for name in CARD_COLUMNS},
        where=CARDS.c.reps == insert.excluded.reps - 1,
    )


def activities_insert(count: int, recorded: sa.ColumnElement[bool]) -> sa.Insert:
    rows = [
        sa.select(
            *(
                bound(ACTIVITY, name, f"activity_{number}_{name}").label(name)
                for name in ACTIVITY_COLUMNS
            )
        ).where(recorded)
        for number in range(count)
    ]
    selected = rows[0] if len(rows) == 1 else sa.union_all(*rows)
    return sa.insert(ACTIVITY).from_select(list(ACTIVITY_COLUMNS), selected)


def bound(table: sa.Table, column: str, name: str) -> sa.BindParameter[Any]:
    """A parameter typed as the column it fills, so values are processed as for the column."""
    return sa.bindparam(name, type_=table.c[column].type)
