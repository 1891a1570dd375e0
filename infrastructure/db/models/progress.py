"""What learners did: progress per lesson, every answer, achievements earned."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from domain.enums import ProgressStatus
from infrastructure.db.models.base import TABLE_OPTIONS, Base, Timestamps, counter, db_enum, user_fk
from infrastructure.db.types import BigId


class ProgressRow(Timestamps, Base):
    __tablename__ = "user_progress"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "lesson_id"),
        sa.Index(None, "user_id", "status"),
        sa.Index(None, "lesson_id", "status"),
        TABLE_OPTIONS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(user_fk())
    lesson_id: Mapped[int] = mapped_column(sa.ForeignKey("lessons.id"))
    status: Mapped[ProgressStatus] = mapped_column(db_enum(ProgressStatus, "progress_status"))
    score: Mapped[int | None]
    attempts: Mapped[int] = counter()
    take: Mapped[int] = counter(1)
    started_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]


class AnswerRow(Base):
    """One attempt at a challenge; the unique key is what makes answering idempotent."""

    __tablename__ = "challenge_answers"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "challenge_id", "take", "attempt"),
        sa.Index(None, "challenge_id"),
        TABLE_OPTIONS,
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    user_id: Mapped[int] = mapped_column(user_fk())
    challenge_id: Mapped[int] = mapped_column(sa.ForeignKey("challenges.id"))
    take: Mapped[int]
    attempt: Mapped[int]
    is_correct: Mapped[bool]
    answer: Mapped[str] = mapped_column(sa.Text, comment="JSON submission")
    answered_at: Mapped[datetime]


class EarnedRow(Base):
    __tablename__ = "user_achievements"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "achievement_id"),
        sa.Index(None, "user_id", "earned_at"),
        sa.Index(None, "achievement_id"),
        TABLE_OPTIONS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(user_fk())
    achievement_id: Mapped[int] = mapped_column(sa.ForeignKey("achievements.id"))
    earned_at: Mapped[datetime]
