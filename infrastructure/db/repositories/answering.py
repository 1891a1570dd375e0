"""The answer path in SQL: the take in one read; a counted answer in one statement on
PostgreSQL (data-modifying CTEs, each gated on the answer's own conflict-free insert) and
in a few plain statements on MariaDB and SQLite, which have no writes inside a CTE."""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

from domain.activity import Activity
from domain.progress import AnswerRecord, CountedAnswer, Progress, Take
from infrastructure.db.models import ActivityRow, AnswerRow, ProgressRow, StudyDayRow, table
from infrastructure.db.repositories.activity import activity_values
from infrastructure.db.repositories.answer_rows import answer_values, to_answer_record
from infrastructure.db.upsert import insert_if_absent

ANSWERS, PROGRESS = table(AnswerRow), table(ProgressRow)
ACTIVITY, DAYS = table(ActivityRow), table(StudyDayRow)
ANSWER_KEY = ["user_id", "challenge_id", "take", "attempt"]
PROGRESS_COLUMNS = ("status", "score", "attempts", "take", "started_at", "completed_at")
ANSWER_COLUMNS = ("challenge_id", "attempt", "is_correct", "answer", "answered_at")


async def read_take(
    session: AsyncSession, user_id: int, lesson_id: int, challenge_ids: Sequence[int]
) -> Take | None:
    """The progress row locked (``FOR UPDATE OF`` it alone where the dialect can say so)
    and left-joined to the take's answers to the lesson's challenges."""
    joined = sa.and_(
        ANSWERS.c.user_id == PROGRESS.c.user_id,
        ANSWERS.c.take == PROGRESS.c.take,
        ANSWERS.c.challenge_id.in_(challenge_ids),
    )
    statement = (
        sa.select(*(PROGRESS.c[name] for name in PROGRESS_COLUMNS))
        .add_columns(*(ANSWERS.c[name] for name in ANSWER_COLUMNS))
        .select_from(PROGRESS.outerjoin(ANSWERS, joined))
        .where(PROGRESS.c.user_id == user_id, PROGRESS.c.lesson_id == lesson_id)
        .order_by(ANSWERS.c.challenge_id, ANSWERS.c.attempt)
        .with_for_update(of=PROGRESS)
    )
    rows = (await session.execute(statement)).all()
    if not rows:
        return None
    progress = Progress(user_id, lesson_id, *rows[0][: len(PROGRESS_COLUMNS)])
    answers = tuple(
        to_answer_record(user_id, progress.take, *row[len(PROGRESS_COLUMNS) :])
        for row in rows
        if row.challenge_id is not None
    )
    return Take(progress, answers)


async def write_counted(session: AsyncSession, counted: CountedAnswer) -> bool:
    if session.get_bind().dialect.name == "postgresql":
        recorded = await session.scalar(_counted_in_one_statement(counted))
        return bool(recorded)
    return await _write_in_steps(session, counted)


def _counted_in_one_statement(counted: CountedAnswer) -> sa.Select[Any]:
    """Every write waits on the answer's insert: a duplicate attempt writes nothing."""
    answer = (
        postgresql.insert(ANSWERS)
        .values(answer_values(counted.record))
        .on_conflict_do_nothing(index_elements=ANSWER_KEY)
        .returning(ANSWERS.c.id)
        .cte("answer")
    )
    recorded = sa.exists(sa.select(answer.c.id))
    writes: list[Any] = [
        _progress_update(counted.progress, recorded),
        _activities_insert(counted.activities, recorded),
    ]
    if counted.study_day is not None:
        day = _literal_row(DAYS, {"user_id": counted.record.user_id, "day": counted.study_day})
        writes.append(
            postgresql.insert(DAYS)
            .from_select(["user_id", "day"], day.where(recorded))
            .on_conflict_do_nothing(index_elements=["user_id", "day"])
        )
    done: sa.ColumnClause[Any] = sa.literal_column("1")
    ctes = [answer, *(write.returning(done).cte(f"write_{n}") for n, write in enumerate(writes))]
    counts = (sa.select(sa.func.count()).select_from(cte).scalar_subquery() for cte in ctes)
    return sa.select(*counts)


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


def _progress_update(progress: Progress, *conditions: sa.ColumnElement[bool]) -> sa.Update:
    values = {name: getattr(progress, name) for name in PROGRESS_COLUMNS}
    return (
        sa.update(PROGRESS)
        .where(PROGRESS.c.user_id == progress.user_id, PROGRESS.c.lesson_id == progress.lesson_id)
        .where(*conditions)
        .values(values | {"updated_at": sa.func.now()})
    )


async def _write_in_steps(session: AsyncSession, counted: CountedAnswer) -> bool:
    record: AnswerRecord = counted.record
    if not await insert_if_absent(session, ANSWERS, answer_values(record), ANSWER_KEY):
        return False
    await session.execute(_progress_update(counted.progress))
    await session.execute(sa.insert(ACTIVITY), [activity_values(a) for a in counted.activities])
    if counted.study_day is not None:
        day = {"user_id": record.user_id, "day": counted.study_day}
        await insert_if_absent(session, DAYS, day, ["user_id", "day"])
    return True
