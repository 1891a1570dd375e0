"""Spaced review: one card per learner and answered challenge, and every review answer."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from infrastructure.db.models.base import TABLE_OPTIONS, Base, counter, user_fk
from infrastructure.db.types import BigId


class ReviewCardRow(Base):
    """The memory model's state; ``(user_id, due)`` is the due-card read's index."""

    __tablename__ = "review_cards"
    __table_args__ = (
        sa.Index(None, "user_id", "due"),
        sa.Index(None, "challenge_id"),
        TABLE_OPTIONS,
    )

    user_id: Mapped[int] = mapped_column(user_fk(), primary_key=True, autoincrement=False)
    challenge_id: Mapped[int] = mapped_column(
        sa.ForeignKey("challenges.id"), primary_key=True, autoincrement=False
    )
    due: Mapped[datetime]
    state: Mapped[int] = mapped_column(sa.SmallInteger)
    step: Mapped[int | None] = mapped_column(sa.SmallInteger)
    stability: Mapped[float | None] = mapped_column(sa.Double)
    difficulty: Mapped[float | None] = mapped_column(sa.Double)
    last_review: Mapped[datetime | None]
    reps: Mapped[int] = counter()
    lapses: Mapped[int] = counter()


class ReviewLogRow(Base):
    """One review answer; the unique key is what makes reviewing idempotent."""

    __tablename__ = "review_log"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "challenge_id", "review"),
        sa.Index(None, "user_id", "reviewed_at"),
        sa.Index(None, "challenge_id"),
        TABLE_OPTIONS,
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    user_id: Mapped[int] = mapped_column(user_fk())
    challenge_id: Mapped[int] = mapped_column(sa.ForeignKey("challenges.id"))
    review: Mapped[int]
    rating: Mapped[int] = mapped_column(sa.SmallInteger)
    is_correct: Mapped[bool]
    points: Mapped[int] = mapped_column(sa.SmallInteger)
    reviewed_at: Mapped[datetime]


class ReviewWaitRow(Base):
    """The typed review card a learner's next message answers: at most one per learner."""

    __tablename__ = "review_waits"
    __table_args__ = (sa.Index(None, "challenge_id"), TABLE_OPTIONS)

    user_id: Mapped[int] = mapped_column(user_fk(), primary_key=True, autoincrement=False)
    challenge_id: Mapped[int] = mapped_column(sa.ForeignKey("challenges.id"))
    review: Mapped[int]
    since: Mapped[datetime]
