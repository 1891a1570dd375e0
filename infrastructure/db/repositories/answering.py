"""The answer path in SQL: the take in one read; a counted answer in one statement on
PostgreSQL and in a few plain statements on MariaDB and SQLite, which allow no writes
inside a CTE.

On PostgreSQL every write is a data-modifying CTE gated on the answer's conflict-free
insert, and the statement's own SELECT returns the learner's standing as it was before
it; the writes are known, so they are added in Python instead of read back.
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

from domain.activity import Activity
from domain.progress import AnswerRecord, AnswerRecorded, CountedAnswer, Progress, Take
from infrastructure.db.models import (
    ActivityRow,
    AnswerRow,
    ProgressRow,
    StudyDayRow,
    UserRow,
    table,
)
from infrastructure.db.repositories.activity import activity_values
from infrastructure.db.repositories.answer_rows import answer_values, to_answer_record
from infrastructure.db.repositories.catalogue_cache import CatalogueSnapshot
from infrastructure.db.repositories.standing import (
    RECORDED,
    fold_standing,
    read_standing,
    standing_query,
    tagged_row,
)
from infrastructure.db.repositories.totals import mark_changed, marking
from infrastructure.db.upsert import insert_if_absent

ANSWERS, PROGRESS = table(AnswerRow), table(ProgressRow)
ACTIVITY, DAYS, USERS = table(ActivityRow), table(StudyDayRow), table(UserRow)
ANSWER_KEY = ["user_id", "challenge_id", "take", "attempt"]
PROGRESS_COLUMNS = ("status", "score", "attempts", "take", "started_at", "completed_at")
ANSWER_COLUMNS = ("challenge_id", "attempt", "is_correct", "answer", "answered_at")
MYSQL = ("mysql", "mariadb")
PROGRESS_KEY = "FORCE INDEX (uq_user_progress_user_id_lesson_id)"
ANSWERS_KEY = "FORCE INDEX (uq_challenge_answers_user_id_challenge_id_take_attempt)"


async def read_take(
    session: AsyncSession, user_id: int, lesson_id: int, challenge_ids: Sequence[int]
) -> tuple[int, Take] | None:
    """The progress row's id and take: the row locked (``FOR UPDATE OF`` it alone where
    the dialect can say so) and left-joined to the take's answers to the lesson's
    challenges. MySQL locks every row it reads, so it is told to read both tables by the
    learner's unique keys: on a fresh table its planner would pick ``(lesson_id, status)``
    and lock other learners' rows (deadlocks between learners)."""
    joined = sa.and_(
        ANSWERS.c.user_id == PROGRESS.c.user_id,
        ANSWERS.c.take == PROGRESS.c.take,
        ANSWERS.c.challenge_id.in_(challenge_ids),
    )
    statement = (
        sa.select(*(PROGRESS.c[name] for name in PROGRESS_COLUMNS))
        .add_columns(*(ANSWERS.c[name] for name in ANSWER_COLUMNS), PROGRESS.c.id)
        .select_from(PROGRESS.outerjoin(ANSWERS, joined))
        .where(PROGRESS.c.user_id == user_id, PROGRESS.c.lesson_id == lesson_id)
        .order_by(ANSWERS.c.challenge_id, ANSWERS.c.attempt)
        .with_for_update(of=PROGRESS)
    )
    for dialect in MYSQL:
        statement = statement.with_hint(PROGRESS, PROGRESS_KEY, dialect)
        statement = statement.with_hint(ANSWERS, ANSWERS_KEY, dialect)
    rows = (await session.execute(statement)).all()
    if not rows:
        return None
    progress = Progress(user_id, lesson_id, *rows[0][: len(PROGRESS_COLUMNS)])
    answers = tuple(
        to_answer_record(user_id, progress.take, *row[len(PROGRESS_COLUMNS) : -1])
        for row in rows
        if row.challenge_id is not None
    )
    return rows[0].id, Take(progress, answers)


async def write_counted(
    session: AsyncSession,
    row: int,
    counted: CountedAnswer,
    points_changed: bool,
    catalogue: CatalogueSnapshot,
) -> AnswerRecorded | None:
    """``row``: the progress row's id (updated by primary key, so no other learner's row is
    locked); ``points_changed``: the completed score changed, so the totals are marked."""
    if session.get_bind().dialect.name == "postgresql":
        return await _write_at_once(session, row, counted, points_changed, catalogue)
    if not await _write_in_steps(session, row, counted):
        return None
    if points_changed:
        await mark_changed(session, counted.record.user_id)
    if counted.study_day is None:
        return AnswerRecorded(None)
    return AnswerRecorded(await read_standing(session, counted.record.user_id, catalogue))


async def _write_at_once(
    session: AsyncSession,
    row: int,
    counted: CountedAnswer,
    points_changed: bool,
    catalogue: CatalogueSnapshot,
) -> AnswerRecorded | None:
    record = counted.record
    answer = (
        postgresql.insert(ANSWERS)
        .values(answer_values(record))
        .on_conflict_do_nothing(index_elements=ANSWER_KEY)
        .returning(ANSWERS.c.id)
        .cte("answer")
    )
    recorded = sa.exists(sa.select(answer.c.id))
    writes: list[Any] = [
        _progress_update(row, counted.progress, recorded),
        _activities_insert(counted.activities, recorded),
    ]
    if counted.study_day is not None:
        day = _literal_row(DAYS, {"user_id": record.user_id, "day": counted.study_day})
        writes.append(
            postgresql.insert(DAYS)
            .from_select(["user_id", "day"], day.where(recorded))
            .on_conflict_do_nothing(index_elements=["user_id", "day"])
        )
    if counted.ends_wait:
        writes.append(_wait_ended(counted.record, recorded))
    if points_changed:
        writes.extend(marking(session, record.user_id, recorded))
    outcome = tagged_row(RECORDED, sa.select(sa.func.count()).select_from(answer).scalar_subquery())
    parts = [outcome]
    if counted.study_day is not None:
        parts.extend(standing_query(record.user_id, solving=record.challenge_id))
    statement = sa.union_all(*parts).add_cte(
        *(write.cte(f"write_{number}") for number, write in enumerate(writes))
    )
    rows = (await session.execute(statement)).all()
    if not next(row.number for row in rows if row.kind == RECORDED):
        return None
    if counted.study_day is None:
        return AnswerRecorded(None)
    return AnswerRecorded(fold_standing(rows, catalogue, counted))


def _activities_insert(activities: Sequence[Activity], recorded: sa.Exists) -> sa.Insert:
    rows = [_literal_row(ACTIVITY, activity_values(item)).where(recorded) for item in activities]
    columns = list(activity_values(activities[0]))
    return sa.insert(ACTIVITY).from_select(
        columns, rows[0] if len(rows) == 1 else sa.union_all(*rows)
    )


def _literal_row(rows: sa.Table, values: dict[str, Any]) -> sa.Select[Any]:
    return sa.select(
        *(sa.literal(value, rows.c[name].type).label(name) for name, value in values.items())
    )


def _progress_update(
    row: int, progress: Progress, *conditions: sa.ColumnElement[bool]
) -> sa.Update:
    values = {name: getattr(progress, name) for name in PROGRESS_COLUMNS}
    return (
        sa.update(PROGRESS)
        .where(PROGRESS.c.id == row, *conditions)
        .values(values | {"updated_at": sa.func.now()})
    )


async def _write_in_steps(session: AsyncSession, row: int, counted: CountedAnswer) -> bool:
    record = counted.record
    if not await insert_if_absent(session, ANSWERS, answer_values(record), ANSWER_KEY):
        return False
    await session.execute(_progress_update(row, counted.progress))
    await session.execute(sa.insert(ACTIVITY), [activity_values(a) for a in counted.activities])
    if counted.study_day is not None:
        day = {"user_id": record.user_id, "day": counted.study_day}
        await insert_if_absent(session, DAYS, day, ["user_id", "day"])
    if counted.ends_wait:
        await session.execute(_wait_ended(record))
    return True


def _wait_ended(record: AnswerRecord, *conditions: sa.ColumnElement[bool]) -> sa.Update:
    """The text challenge is solved: the learner's next message answers nothing."""
    waiting = USERS.c.pending_challenge_id == record.challenge_id
    return (
        sa.update(USERS)
        .where(USERS.c.id == record.user_id, waiting, *conditions)
        .values(pending_challenge_id=None)
    )
