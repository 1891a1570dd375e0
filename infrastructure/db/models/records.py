"""Derived and append-only data: the leaderboard cache and the activity log."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from domain.enums import ActivityType
from infrastructure.db.models.base import TABLE_OPTIONS, Base, counter, db_enum, user_fk
from infrastructure.db.types import BigId


class LeaderboardRow(Base):
    __tablename__ = "leaderboard_cache"
    __table_args__ = (
        sa.Index(None, "rank", "total_score"),
        sa.Index(None, "rank", "user_id"),
        sa.Index(None, "weekly_rank", "user_id"),
        TABLE_OPTIONS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(user_fk(), unique=True)
    rank: Mapped[int] = mapped_column(index=True)
    total_score: Mapped[int] = counter()
    lessons_completed: Mapped[int] = counter()
    achievements_count: Mapped[int] = counter()
    weekly_rank: Mapped[int] = counter()
    weekly_score: Mapped[int] = counter()
    updated_at: Mapped[datetime]


class LearnerTotalsRow(Base):
    """A learner's board totals, so the refresh ranks one row per learner.

    Writers that change the totals (a lesson completed or bettered, an award) only bump
    ``version``; the refresh recounts the rows whose ``counted`` version lags behind, with
    the week it ranks. ``weekly_score`` counts from ``week_start``; an older week means 0.
    """

    __tablename__ = "learner_totals"

    user_id: Mapped[int] = mapped_column(user_fk(), primary_key=True, autoincrement=False)
    total_score: Mapped[int] = counter()
    lessons_completed: Mapped[int] = counter()
    achievements_count: Mapped[int] = counter()
    weekly_score: Mapped[int] = counter()
    week_start: Mapped[datetime | None]
    version: Mapped[int] = counter(1)
    counted: Mapped[int] = counter()


class ActivityRow(Base):
    __tablename__ = "activity_log"
    __table_args__ = (sa.Index(None, "user_id", "activity_type", "created_at"), TABLE_OPTIONS)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    user_id: Mapped[int] = mapped_column(user_fk(), index=True)
    activity_type: Mapped[ActivityType] = mapped_column(
        db_enum(ActivityType, "activity_type"), index=True
    )
    entity_id: Mapped[int | None]
    entity_type: Mapped[str | None] = mapped_column(sa.String(50))
    details: Mapped[str | None] = mapped_column(sa.Text, comment="JSON")
    created_at: Mapped[datetime] = mapped_column(index=True)
