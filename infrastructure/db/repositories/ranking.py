"""The ranking rule in SQL: totals per active learner and both boards' ranks in one query."""

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from infrastructure.db.models import LearnerTotalsRow, UserRow, table

RANKED = (
    "rank",
    "total_score",
    "lessons_completed",
    "achievements_count",
    "weekly_rank",
    "weekly_score",
)
"""The board's derived columns, in the order ``ranking_query`` selects them after user_id."""


def ranking_query(week_start: datetime) -> sa.Select[Any]:
    """Active learners: total = completed lesson scores + earned achievement points.

    The totals come counted from ``learner_totals`` (``totals.py`` brings them up to date
    for the same ``week_start`` first); the weekly score counts lessons first completed
    and achievements earned since ``week_start``. Ranks are competition ranks among
    learners visible on the board; a hidden learner gets the rank they would have, so
    they still see their own place.
    """
    totals = _totals(week_start)
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


def _places(totals: sa.CTE, score: str) -> sa.Subquery:
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


def _totals(week_start: datetime) -> sa.CTE:
    """One row per active learner from ``learner_totals``; no row yet means nothing earned."""
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
        .cte("totals")
    )
