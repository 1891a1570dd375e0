"""The quiz polls the bot sent: what a ``poll_answer`` (which names only the poll) stands for."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from infrastructure.db.models.base import TABLE_OPTIONS, Base, user_fk


class QuizPollRow(Base):
    """Keyed by Telegram's poll id; goes with its learner, and with its challenge if a publish
    removes that (an unanswered challenge may be removed)."""

    __tablename__ = "quiz_polls"
    __table_args__ = (
        sa.Index(None, "user_id"),
        sa.Index(None, "challenge_id"),
        TABLE_OPTIONS,
    )

    poll_id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(user_fk())
    chat_id: Mapped[int] = mapped_column(sa.BigInteger)
    challenge_id: Mapped[int] = mapped_column(sa.ForeignKey("challenges.id", ondelete="CASCADE"))
    take: Mapped[int]
    attempt: Mapped[int]
    option_order: Mapped[str] = mapped_column(sa.Text, comment="JSON: option index per poll option")
    sent_at: Mapped[datetime]
    closes_at: Mapped[datetime | None]
