"""The ranking rule in SQL: totals per active learner and both boards' ranks in one query."""

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from domain.enums import ProgressStatus
from infrastructure.db.models import AchievementRow, EarnedRow, ProgressRow, UserRow

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

    The weekly score counts lessons first completed and achievements earned since
    ``week_start``. Ranks are competition ranks among learners visible on the board;
    a hidden learner gets the rank they would have, so they still see their own place.
    """
    totals = _totals(week_start)
    return sa.select(
        totals.c.user_id,
        _visible_rank(totals.c.total_score, totals.c.visible),
        totals.c.total_score,
        totals.c.lessons_completed,
        totals.c.achievements_count,
        _visible_rank(totals.c.weekly_score, totals.c.visible),
        totals.c.weekly_score,
    )


def _visible_rank(score: sa.ColumnElement[int], visible: sa.ColumnElement[int]) -> Any:
    """1 + visible learners strictly above: RANK() over the visible, for everyone."""
    at_or_above = sa.func.sum(visible).over(order_by=score.desc())
    level = sa.func.sum(visible).over(partition_by=score)
    return sa.cast(1 + at_or_above - level, sa.Integer)


def _totals(week_start: datetime) -> sa.Subquery:
    lessons, earned = _lesson_totals(week_start), _earned_totals(week_start)

    def whole(*columns: sa.ColumnElement[Any]) -> sa.Cast[int]:
        return sa.cast(sum(sa.func.coalesce(column, 0) for column in columns), sa.Integer)

    return (
        sa.select(
            UserRow.id.label("user_id"),
            sa.case((UserRow.hide_from_board, 0), else_=1).label("visible"),
            whole(lessons.c.score, earned.c.points).label("total_score"),
            whole(lessons.c.completed).label("lessons_completed"),
            whole(earned.c.earned).label("achievements_count"),
            whole(lessons.c.weekly, earned.c.weekly).label("weekly_score"),
        )
        .outerjoin(lessons, lessons.c.user_id == UserRow.id)
        .outerjoin(earned, earned.c.user_id == UserRow.id)
        .where(UserRow.is_active)
        .subquery()
    )


def _lesson_totals(week_start: datetime) -> sa.Subquery:
    score = sa.func.coalesce(ProgressRow.score, 0)
    this_week = sa.case((ProgressRow.completed_at >= week_start, score), else_=0)
    return (
        sa.select(
            ProgressRow.user_id,
            sa.func.sum(score).label("score"),
            sa.func.count().label("completed"),
            sa.func.sum(this_week).label("weekly"),
        )
        .where(ProgressRow.status == ProgressStatus.COMPLETED)
        .group_by(ProgressRow.user_id)
        .subquery()
    )


def _earned_totals(week_start: datetime) -> sa.Subquery:
    this_week = sa.case((EarnedRow.earned_at >= week_start, AchievementRow.points), else_=0)
    return (
        sa.select(
            EarnedRow.user_id,
            sa.func.sum(AchievementRow.points).label("points"),
            sa.func.count().label("earned"),
            sa.func.sum(this_week).label("weekly"),
        )
        .join(AchievementRow, AchievementRow.id == EarnedRow.achievement_id)
        .group_by(EarnedRow.user_id)
        .subquery()
    )
