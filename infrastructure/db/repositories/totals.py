"""Learner totals: writers mark a learner as changed, the refresh recounts the marked ones.

A write that changes a learner's points costs one small upsert (``version + 1``). The
recount needs the board's week, so it runs in the refresh, which holds the refresh lock:
it reads each marked row's version, recounts from the learner's own rows (indexed by
``user_id``) and stores that version as ``counted``. A writer that bumps the version
meanwhile leaves the row marked for the next tick, so no change is ever lost.
"""

from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from domain.enums import ProgressStatus
from infrastructure.db.models import (
    AchievementRow,
    EarnedRow,
    LearnerTotalsRow,
    ProgressRow,
    UserRow,
    table,
)
from infrastructure.db.transaction import MARKED
from infrastructure.db.types import UtcDateTime
from infrastructure.db.upsert import upsert

TOTALS = table(LearnerTotalsRow)
COUNTS = ("total_score", "lessons_completed", "achievements_count", "weekly_score")
CHUNK = 5_000
REBUILD_ABOVE = 50_000
"""More marked learners than this are recounted by one full rebuild instead of by id."""


async def mark_changed(session: AsyncSession, learners: int | sa.Select[Any]) -> None:
    """Create the learners' rows or bump their versions, so the next refresh recounts them.

    ``learners`` is one user id, or a query of user ids for a set-based mark. One learner
    is marked once per transaction: a completion and its awards cost one statement.
    """
    dialect = session.get_bind().dialect.name
    if isinstance(learners, int):
        if claim_mark(_marked(session), learners):
            await session.execute(_mark_one(dialect), {"user_id": learners})
        return
    user_id = learners.selected_columns[0].label("user_id")
    rows = learners.with_only_columns(user_id).where(sa.true())
    await session.execute(_upsert(dialect, rows, _bump))


def claim_mark(marked: set[int], user_id: int) -> bool:
    """True if the learner is not yet in ``marked``, the learners marked in this
    transaction (``Transaction.marked``), and now is: the caller then writes the mark,
    e.g. inside a larger statement."""
    if user_id in marked:
        return False
    marked.add(user_id)
    return True


def mark_statement(dialect: str, learners: sa.Select[Any]) -> Any:
    """The mark of the learners ``learners`` selects (one ``user_id`` column), as a statement
    to run or to embed; its shape depends on the dialect alone, so it can be built once."""
    return _upsert(dialect, learners, _bump)


@cache
def _mark_one(dialect: str) -> Any:
    """One learner's mark, built once per dialect (every completing answer on SQLite and
    every award writes it), the learner bound as ``user_id``."""
    return _upsert(dialect, {"user_id": sa.bindparam("user_id", type_=sa.Integer)}, _bump)


def _bump(_row: Any) -> dict[str, Any]:
    return {"version": TOTALS.c.version + 1}


def _marked(session: AsyncSession) -> set[int]:
    """Learners marked in the session's current transaction, forgotten when it ends: the
    unit of work's ``Transaction.marked`` for the session it made (it forgets them itself),
    else a set of the session's own."""
    marked = session.info.get(MARKED)
    if marked is None:
        marked = session.info[MARKED] = set()
        sa.event.listen(session.sync_session, "after_transaction_end", _forget)
    return cast(set[int], marked)


def _forget(session: Session, _transaction: Any) -> None:
    session.info.get(MARKED, set()).clear()


class TotalsRecount:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def bring_up_to_date(self, week_start: datetime) -> None:
        """Recount the marked learners; an empty table (nothing ever counted) is rebuilt."""
        if not await self._session.scalar(sa.select(sa.exists().select_from(TOTALS))):
            await self.rebuild(week_start)
            return
        lagging = TOTALS.c.version != TOTALS.c.counted
        marked = list(await self._session.scalars(sa.select(TOTALS.c.user_id).where(lagging)))
        if len(marked) > REBUILD_ABOVE:
            await self.rebuild(week_start)
            return
        for start in range(0, len(marked), CHUNK):
            chunk = marked[start : start + CHUNK]
            learners = sa.select(TOTALS.c.user_id, TOTALS.c.version.label("version"))
            learners = learners.where(TOTALS.c.user_id.in_(chunk))
            await self._recount(learners, week_start, chunk)

    async def rebuild(self, week_start: datetime) -> None:
        """Every learner recounted in one set-based statement: aggregates of all the rows."""
        version: Any = sa.func.coalesce(TOTALS.c.version, 0).label("version")
        learners = sa.select(UserRow.id.label("user_id"), version).outerjoin(
            TOTALS, TOTALS.c.user_id == UserRow.id
        )
        await self._recount(learners, week_start, None)

    async def _recount(
        self, learners: sa.Select[Any], week_start: datetime, only: list[int] | None
    ) -> None:
        counted = _counts(learners.subquery(), week_start, only)
        dialect = self._session.get_bind().dialect.name
        await self._session.execute(_upsert(dialect, counted, _take_counts))


def _counts(learners: sa.Subquery, week_start: datetime, only: list[int] | None) -> sa.Select[Any]:
    lessons, earned = _lessons(week_start, only), _earned(week_start, only)

    def whole(*columns: sa.ColumnElement[Any]) -> sa.Cast[int]:
        return sa.cast(sum(sa.func.coalesce(column, 0) for column in columns), sa.Integer)

    return (
        sa.select(
            learners.c.user_id,
            whole(lessons.c.score, earned.c.points).label("total_score"),
            whole(lessons.c.completed).label("lessons_completed"),
            whole(earned.c.earned).label("achievements_count"),
            whole(lessons.c.weekly, earned.c.weekly).label("weekly_score"),
            sa.literal(week_start, UtcDateTime()).label("week_start"),
            learners.c.version,
            learners.c.version.label("counted"),
        )
        .outerjoin(lessons, lessons.c.user_id == learners.c.user_id)
        .outerjoin(earned, earned.c.user_id == learners.c.user_id)
        .where(sa.true())
    )


def _lessons(week_start: datetime, only: list[int] | None) -> sa.Subquery:
    score = sa.func.coalesce(ProgressRow.score, 0)
    this_week = sa.case((ProgressRow.completed_at >= week_start, score), else_=0)
    statement = sa.select(
        ProgressRow.user_id,
        sa.func.sum(score).label("score"),
        sa.func.count().label("completed"),
        sa.func.sum(this_week).label("weekly"),
    ).where(ProgressRow.status == ProgressStatus.COMPLETED)
    if only is not None:
        statement = statement.where(ProgressRow.user_id.in_(only))
    return statement.group_by(ProgressRow.user_id).subquery()


def _earned(week_start: datetime, only: list[int] | None) -> sa.Subquery:
    this_week = sa.case((EarnedRow.earned_at >= week_start, AchievementRow.points), else_=0)
    statement = sa.select(
        EarnedRow.user_id,
        sa.func.sum(AchievementRow.points).label("points"),
        sa.func.count().label("earned"),
        sa.func.sum(this_week).label("weekly"),
    ).join(AchievementRow, AchievementRow.id == EarnedRow.achievement_id)
    if only is not None:
        statement = statement.where(EarnedRow.user_id.in_(only))
    return statement.group_by(EarnedRow.user_id).subquery()


def _take_counts(new: Any) -> dict[str, Any]:
    """The recounted values replace the old; ``version`` stays, so a bump made meanwhile wins."""
    return {name: new[name] for name in (*COUNTS, "week_start", "counted")}


def _upsert(
    dialect: str,
    rows: dict[str, Any] | sa.Select[Any],
    changes: Callable[[Any], dict[str, Any]],
) -> Any:
    """Insert learners' rows, or apply ``changes`` (given the would-be-inserted row) to the
    rows they already have."""
    return upsert(dialect, TOTALS, rows, changes)
