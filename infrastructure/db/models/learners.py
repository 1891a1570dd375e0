from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from domain.goals import DEFAULT_DAILY_GOAL
from infrastructure.db.models.base import TABLE_OPTIONS, Base, Timestamps, flag, user_fk

MAX_LEARNER_ID = 2**31 - 1
"""``users.id`` is a 32-bit integer on PostgreSQL and MariaDB: a larger number is no
learner's id (operators mean a Telegram id by it)."""
MAX_TELEGRAM_ID = 2**63 - 1
"""``users.telegram_id`` is 64-bit."""


class UserRow(Timestamps, Base):
    """The ``(is_active, hide_from_board)`` index (with the id every index carries) is all
    the board's refresh reads of users: a narrow scan instead of the whole rows."""

    __tablename__ = "users"
    __table_args__ = (sa.Index(None, "is_active", "hide_from_board"), TABLE_OPTIONS)

    id: Mapped[int] = mapped_column(primary_key=True)
    telegram_id: Mapped[int] = mapped_column(sa.BigInteger, unique=True, index=True)
    username: Mapped[str | None] = mapped_column(sa.String(100))
    first_name: Mapped[str | None] = mapped_column(sa.String(100))
    last_name: Mapped[str | None] = mapped_column(sa.String(100))
    language_code: Mapped[str | None] = mapped_column(sa.String(10))
    timezone: Mapped[str | None] = mapped_column(sa.String(64))
    is_active: Mapped[bool] = flag(True)
    hide_from_board: Mapped[bool] = flag(False)
    reminders_enabled: Mapped[bool] = flag(False)
    reminder_hour: Mapped[int | None] = mapped_column(sa.SmallInteger, comment="0-23, local")
    reminded_on: Mapped[date | None] = mapped_column(comment="last reminder, local day")
    first_contact_at: Mapped[datetime]
    last_contact_at: Mapped[datetime]
    locale: Mapped[str | None] = mapped_column(sa.String(10), comment="chosen UI language")
    pending_challenge_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("challenges.id", ondelete="SET NULL"),
        comment="text challenge the next typed message answers",
    )
    daily_goal: Mapped[int] = mapped_column(
        sa.SmallInteger, server_default=sa.text(str(DEFAULT_DAILY_GOAL)), comment="points a day"
    )


class StudyDayRow(Base):
    """A calendar day, in the learner's time zone, with at least one thing learned."""

    __tablename__ = "study_days"

    user_id: Mapped[int] = mapped_column(user_fk(), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)


class StreakFreezeRow(Base):
    """A streak freeze earned (by a streak, or with an achievement: ``award:<id>``) or spent
    on a calendar day of the learner's zone. The unique
    (learner, day, kind) is what makes settling twice, or in two places at once, write one
    fact; ``told`` marks a spent freeze the learner has been shown."""

    __tablename__ = "streak_freezes"
    __table_args__ = (sa.UniqueConstraint("user_id", "day", "kind"), TABLE_OPTIONS)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(user_fk())
    day: Mapped[date]
    kind: Mapped[str] = mapped_column(sa.String(20), comment="earned, spent or award:<id>")
    told: Mapped[bool] = flag(False)


class ProcessedUpdateRow(Base):
    """Telegram updates already handled; the key is what makes re-deliveries harmless."""

    __tablename__ = "processed_updates"

    update_id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True, autoincrement=False)
    processed_at: Mapped[datetime] = mapped_column(index=True)
