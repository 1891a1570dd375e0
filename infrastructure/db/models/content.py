"""Course content: modules, lessons, challenges and achievement definitions."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from domain.enums import AchievementType, ChallengeKind
from infrastructure.db.models.base import TABLE_OPTIONS, Base, Timestamps, counter, db_enum, flag


class ModuleRow(Timestamps, Base):
    __tablename__ = "modules"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(100), unique=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str | None] = mapped_column(sa.Text)
    order: Mapped[int] = mapped_column(index=True)
    is_published: Mapped[bool] = flag(False)


class LessonRow(Timestamps, Base):
    __tablename__ = "lessons"
    __table_args__ = (
        sa.UniqueConstraint("module_id", "slug"),
        sa.Index(None, "module_id", "order"),
        TABLE_OPTIONS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(sa.ForeignKey("modules.id"), index=True)
    slug: Mapped[str] = mapped_column(sa.String(100))
    title: Mapped[str] = mapped_column(sa.String(200))
    content: Mapped[str | None] = mapped_column(sa.Text)
    order: Mapped[int]
    estimated_duration: Mapped[int | None] = mapped_column(comment="minutes")
    is_published: Mapped[bool] = flag(False)


class ChallengeRow(Timestamps, Base):
    """A quiz question. ``options`` and ``answers`` are JSON lists.

    ``answers`` holds the indexes of the correct options for choice challenges, and the
    accepted texts for text challenges.
    """

    __tablename__ = "challenges"
    __table_args__ = (
        sa.UniqueConstraint("lesson_id", "slug"),
        sa.Index(None, "lesson_id", "order"),
        TABLE_OPTIONS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    lesson_id: Mapped[int] = mapped_column(sa.ForeignKey("lessons.id"))
    slug: Mapped[str] = mapped_column(sa.String(100))
    order: Mapped[int]
    kind: Mapped[ChallengeKind] = mapped_column(db_enum(ChallengeKind, "challenge_kind"))
    prompt: Mapped[str] = mapped_column(sa.Text)
    options: Mapped[str] = mapped_column(sa.Text)
    answers: Mapped[str] = mapped_column(sa.Text)
    explanation: Mapped[str | None] = mapped_column(sa.Text)
    points: Mapped[int] = counter(10)
    form: Mapped[str] = mapped_column(sa.String(16), server_default="buttons")
    open_period: Mapped[int | None] = mapped_column(comment="seconds a quiz poll stays open")


class AchievementRow(Base):
    __tablename__ = "achievements"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(100), unique=True)
    type: Mapped[AchievementType] = mapped_column(
        db_enum(AchievementType, "achievement_type"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str | None] = mapped_column(sa.Text)
    icon: Mapped[str | None] = mapped_column(sa.String(100))
    points: Mapped[int] = counter()
    criteria: Mapped[str | None] = mapped_column(sa.Text, comment="JSON rule")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CourseSettingRow(Base):
    """A course-wide setting from the pack, by name, as JSON: ``progression`` holds the
    level names and the streak freeze rules."""

    __tablename__ = "course_settings"

    name: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    value: Mapped[str] = mapped_column(sa.Text, comment="JSON")
    updated_at: Mapped[datetime]


class ContentStateRow(Base):
    """One row whose ``version`` every content write bumps in its own transaction.

    Each bot process caches the published catalogue per version and learns the current
    version with the learner it loads anyway, so a publish from the CLI (another process)
    is seen by the next update without costing one more round trip.
    """

    __tablename__ = "content_state"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    version: Mapped[int] = counter(1)
