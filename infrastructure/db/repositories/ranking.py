"""The ranking rule in SQL: totals per active learner and both boards' ranks in one query."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from infrastructure.db.models import LearnerTotalsRow, UserRow, table
from infrastructure.db.repositories.scratch import scratch, temporary_table

RANKED = (
    "rank",
    "total_score",
    "lessons_completed",
    "achievements_count",
    "weekly_rank",
    "weekly_score",
)
"""The board's derived columns, in the order ``ranking_query`` selects them after user_id."""
_INPUT_COUNTS = (
    "visible",
    "total_score",
    "lessons_completed",
    "achievements_count",
    "weekly_score",
)
INPUTS = temporary_table(
    "board_inputs",
    sa.Column("user_id", sa.Integer, primary_key=True, autoincrement=False),
    *(sa.Column(name, sa.Integer, nullable=False) for name in _INPUT_COUNTS),
)
"""The ranked learners' inputs, staged once per ranking where the server shares no CTE."""


@asynccontextmanager
async def ranking(session: AsyncSession, week_start: datetime) -> AsyncIterator[sa.Select[Any]]:
    """The ranking query, to run inside the block.

    Its inputs are referenced three times (two score histograms and the entries).
    PostgreSQL and SQLite materialise such a CTE once. MariaDB evaluates it once per
    reference, and each pass joins a million users to their totals, so there the inputs
    are staged once in a temporary table (dropped after the block) and ranked from it.
    """
    if session.get_bind().dialect.name not in {"mysql", "mariadb"}:
        yield ranking_query(ranked_inputs(week_start).cte("totals"))
        return
    async with scratch(session, INPUTS):
        staged = sa.insert(INPUTS).from_select(list(INPUTS.c.keys()), ranked_inputs(week_start))
        await session.execute(staged)
        yield ranking_query(INPUTS)


def ranking_query(totals: sa.FromClause) -> sa.Select[Any]:
    """Active learners: total = completed lesson scores + earned achievement points.

    ``totals`` holds ``ranked_inputs``' rows. Ranks are competition ranks among learners
    visible on the board; a hidden learner gets the rank they would have, so they still
    see their own place.
    """
    places = _places(totals, "total_score"), _places(totals, "weekly_score")
    return (
        sa.select(
            totals.c.user_id,
            places[0].c.place.label("rank"),
            totals.c.total_score,
            totals.c.lessons_completed,
            totals.c.achievements_count,
            places[1].c.place.label("weekly_rank"),
            totals.c.weekly_score,
        )
        .join(places[0], places[0].c.score == totals.c.total_score)
        .join(places[1], places[1].c.score == totals.c.weekly_score)
    )


def _places(totals: sa.FromClause, score: str) -> sa.Subquery:
    """The rank of every score: 1 + visible learners with a higher one.

    Ranked per distinct score (a few hundred), not per learner, so nothing sorts a
    million rows: one grouping pass, a window over the levels, a hash join back.
    """
    levels = (
        sa.select(totals.c[score].label("score"), sa.func.sum(totals.c.visible).label("visible"))
        .group_by(totals.c[score])
        .subquery()
    )
    above = sa.func.sum(levels.c.visible).over(order_by=levels.c.score.desc()) - levels.c.visible
    return sa.select(levels.c.score, sa.cast(1 + above, sa.Integer).label("place")).subquery()


def ranked_inputs(week_start: datetime) -> sa.Select[Any]:
    """One row per active learner from ``learner_totals`` (``totals.py`` brings them up to
    date for the same ``week_start`` first); no row yet means nothing earned. The weekly
    score counts lessons first completed and achievements earned since ``week_start``.
    Active and hidden come from the users' ``(is_active, hide_from_board)`` index.
    """
    totals = table(LearnerTotalsRow)
    this_week = sa.case((totals.c.week_start >= week_start, totals.c.weekly_score), else_=0)

    def whole(column: sa.ColumnElement[Any]) -> sa.Cast[int]:
        return sa.cast(sa.func.coalesce(column, 0), sa.Integer)

    return (
        sa.select(
            UserRow.id.label("user_id"),
            sa.case((UserRow.hide_from_board, 0), else_=1).label("visible"),
            whole(totals.c.total_score).label("total_score"),
            whole(totals.c.lessons_completed).label("lessons_completed"),
            whole(totals.c.achievements_count).label("achievements_count"),
            whole(this_week).label("weekly_score"),
        )
        .outerjoin(totals, totals.c.user_id == UserRow.id)
        .where(UserRow.is_active)
    )
