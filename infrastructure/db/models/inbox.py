"""The learner inbox: questions and problem reports, soft-deleted by their learner."""

from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from domain.enums import InboxKind, InboxStatus
from infrastructure.db.models.base import TABLE_OPTIONS, Base, db_enum, flag, user_fk
from infrastructure.db.types import UuidText


class InboxRow(Base):
    """Content references are SET NULL: a question outlives a lesson a course pack removes."""

    __tablename__ = "inbox_messages"
    __table_args__ = (
        sa.Index(None, "status", "created_at"),
        sa.Index(None, "user_id", "created_at"),
        TABLE_OPTIONS,
    )

    id: Mapped[UUID] = mapped_column(UuidText(), primary_key=True)
    user_id: Mapped[int] = mapped_column(user_fk())
    chat_id: Mapped[int] = mapped_column(sa.BigInteger)
    lesson_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("lessons.id", ondelete="SET NULL"), index=True
    )
    challenge_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("challenges.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[InboxKind] = mapped_column(db_enum(InboxKind, "inbox_kind"))
    text: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[InboxStatus] = mapped_column(db_enum(InboxStatus, "inbox_status"))
    reply: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime]
    replied_at: Mapped[datetime | None]
    is_active: Mapped[bool] = flag(True)
