"""Initial schema: learners, content, progress, achievements, leaderboard, activity.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 00:00:54.263344
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

TABLE_OPTIONS = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}
"""Full Unicode (emoji in names and answers) whatever the MySQL server's default is."""
ENUM_TYPES = ("achievement_type", "activity_type", "challenge_kind", "progress_status")


def timestamp() -> sa.types.TypeEngine[object]:
    """Aware timestamps: timestamptz on PostgreSQL, DATETIME(6) holding UTC on MySQL."""
    return sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def big_id() -> sa.types.TypeEngine[int]:
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "achievements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "LESSON_COMPLETED",
                "MODULE_COMPLETED",
                "STREAK",
                "CHALLENGES_SOLVED",
                "MILESTONE",
                name="achievement_type",
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("icon", sa.String(length=100), nullable=True),
        sa.Column("points", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("criteria", sa.Text(), nullable=True, comment="JSON rule"),
        sa.Column("created_at", timestamp(), nullable=False),
        sa.Column("updated_at", timestamp(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_achievements")),
        sa.UniqueConstraint("slug", name=op.f("uq_achievements_slug")),
        **TABLE_OPTIONS,
    )
    op.create_index(op.f("ix_achievements_type"), "achievements", ["type"], unique=False)
    op.create_table(
        "modules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("order", sa.Integer(), nullable=False),
        sa.Column("is_published", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("created_at", timestamp(), nullable=False),
        sa.Column("updated_at", timestamp(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_modules")),
        sa.UniqueConstraint("slug", name=op.f("uq_modules_slug")),
        **TABLE_OPTIONS,
    )
    op.create_index(op.f("ix_modules_order"), "modules", ["order"], unique=False)
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("telegram_id", sa.BigInteger(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=True),
        sa.Column("first_name", sa.String(length=100), nullable=True),
        sa.Column("last_name", sa.String(length=100), nullable=True),
        sa.Column("language_code", sa.String(length=10), nullable=True),
        sa.Column("timezone", sa.String(length=64), nullable=True),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("first_contact_at", timestamp(), nullable=False),
        sa.Column("last_contact_at", timestamp(), nullable=False),
        sa.Column("created_at", timestamp(), nullable=False),
        sa.Column("updated_at", timestamp(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        **TABLE_OPTIONS,
    )
    op.create_index(op.f("ix_users_telegram_id"), "users", ["telegram_id"], unique=True)
    op.create_table(
        "activity_log",
        sa.Column("id", big_id(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "activity_type",
            sa.Enum(
                "LESSON_STARTED",
                "LESSON_COMPLETED",
                "CHALLENGE_ATTEMPTED",
                "CHALLENGE_SOLVED",
                "ACHIEVEMENT_EARNED",
                "LOGIN",
                name="activity_type",
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("entity_type", sa.String(length=50), nullable=True),
        sa.Column("details", sa.Text(), nullable=True, comment="JSON"),
        sa.Column("created_at", timestamp(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_activity_log_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_log")),
        **TABLE_OPTIONS,
    )
    op.create_index(
        op.f("ix_activity_log_activity_type"), "activity_log", ["activity_type"], unique=False
    )
    op.create_index(
        op.f("ix_activity_log_created_at"), "activity_log", ["created_at"], unique=False
    )
    op.create_index(op.f("ix_activity_log_user_id"), "activity_log", ["user_id"], unique=False)
    op.create_index(
        op.f("ix_activity_log_user_id_activity_type_created_at"),
        "activity_log",
        ["user_id", "activity_type", "created_at"],
        unique=False,
    )
    op.create_table(
        "leaderboard_cache",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("total_score", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("lessons_completed", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("achievements_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("updated_at", timestamp(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_leaderboard_cache_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leaderboard_cache")),
        sa.UniqueConstraint("user_id", name=op.f("uq_leaderboard_cache_user_id")),
        **TABLE_OPTIONS,
    )
    op.create_index(op.f("ix_leaderboard_cache_rank"), "leaderboard_cache", ["rank"], unique=False)
    op.create_index(
        op.f("ix_leaderboard_cache_rank_total_score"),
        "leaderboard_cache",
        ["rank", "total_score"],
        unique=False,
    )
    op.create_table(
        "lessons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("module_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=True),
        sa.Column("order", sa.Integer(), nullable=False),
        sa.Column("estimated_duration", sa.Integer(), nullable=True, comment="minutes"),
        sa.Column("is_published", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("created_at", timestamp(), nullable=False),
        sa.Column("updated_at", timestamp(), nullable=False),
        sa.ForeignKeyConstraint(
            ["module_id"], ["modules.id"], name=op.f("fk_lessons_module_id_modules")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lessons")),
        sa.UniqueConstraint("module_id", "slug", name=op.f("uq_lessons_module_id_slug")),
        **TABLE_OPTIONS,
    )
    op.create_index(op.f("ix_lessons_module_id"), "lessons", ["module_id"], unique=False)
    op.create_index(
        op.f("ix_lessons_module_id_order"), "lessons", ["module_id", "order"], unique=False
    )
    op.create_table(
        "study_days",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_study_days_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "day", name=op.f("pk_study_days")),
        **TABLE_OPTIONS,
    )
    op.create_table(
        "user_achievements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("achievement_id", sa.Integer(), nullable=False),
        sa.Column("earned_at", timestamp(), nullable=False),
        sa.ForeignKeyConstraint(
            ["achievement_id"],
            ["achievements.id"],
            name=op.f("fk_user_achievements_achievement_id_achievements"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_user_achievements_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_achievements")),
        sa.UniqueConstraint(
            "user_id", "achievement_id", name=op.f("uq_user_achievements_user_id_achievement_id")
        ),
        **TABLE_OPTIONS,
    )
    op.create_index(
        op.f("ix_user_achievements_achievement_id"),
        "user_achievements",
        ["achievement_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_user_achievements_user_id_earned_at"),
        "user_achievements",
        ["user_id", "earned_at"],
        unique=False,
    )
    op.create_table(
        "challenges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lesson_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("order", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "single_choice",
                "multiple_choice",
                "text",
                name="challenge_kind",
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("options", sa.Text(), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=True),
        sa.Column("points", sa.Integer(), server_default=sa.text("10"), nullable=False),
        sa.Column("created_at", timestamp(), nullable=False),
        sa.Column("updated_at", timestamp(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lesson_id"], ["lessons.id"], name=op.f("fk_challenges_lesson_id_lessons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_challenges")),
        sa.UniqueConstraint("lesson_id", "slug", name=op.f("uq_challenges_lesson_id_slug")),
        **TABLE_OPTIONS,
    )
    op.create_index(
        op.f("ix_challenges_lesson_id_order"), "challenges", ["lesson_id", "order"], unique=False
    )
    op.create_table(
        "user_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("lesson_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "NOT_STARTED",
                "IN_PROGRESS",
                "COMPLETED",
                name="progress_status",
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("take", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("started_at", timestamp(), nullable=True),
        sa.Column("completed_at", timestamp(), nullable=True),
        sa.Column("created_at", timestamp(), nullable=False),
        sa.Column("updated_at", timestamp(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lesson_id"], ["lessons.id"], name=op.f("fk_user_progress_lesson_id_lessons")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_user_progress_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_progress")),
        sa.UniqueConstraint(
            "user_id", "lesson_id", name=op.f("uq_user_progress_user_id_lesson_id")
        ),
        **TABLE_OPTIONS,
    )
    op.create_index(
        op.f("ix_user_progress_lesson_id_status"),
        "user_progress",
        ["lesson_id", "status"],
        unique=False,
    )
    op.create_index(
        op.f("ix_user_progress_user_id_status"),
        "user_progress",
        ["user_id", "status"],
        unique=False,
    )
    op.create_table(
        "challenge_answers",
        sa.Column("id", big_id(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("challenge_id", sa.Integer(), nullable=False),
        sa.Column("take", sa.Integer(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("is_correct", sa.Boolean(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False, comment="JSON submission"),
        sa.Column("answered_at", timestamp(), nullable=False),
        sa.ForeignKeyConstraint(
            ["challenge_id"],
            ["challenges.id"],
            name=op.f("fk_challenge_answers_challenge_id_challenges"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_challenge_answers_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_challenge_answers")),
        sa.UniqueConstraint(
            "user_id",
            "challenge_id",
            "take",
            "attempt",
            name=op.f("uq_challenge_answers_user_id_challenge_id_take_attempt"),
        ),
        **TABLE_OPTIONS,
    )
    op.create_index(
        op.f("ix_challenge_answers_challenge_id"),
        "challenge_answers",
        ["challenge_id"],
        unique=False,
    )


def downgrade() -> None:
    """Tables take their indexes with them; PostgreSQL keeps enum types unless dropped."""
    op.drop_table("challenge_answers")
    op.drop_table("user_progress")
    op.drop_table("challenges")
    op.drop_table("user_achievements")
    op.drop_table("study_days")
    op.drop_table("lessons")
    op.drop_table("leaderboard_cache")
    op.drop_table("activity_log")
    op.drop_table("users")
    op.drop_table("modules")
    op.drop_table("achievements")
    if op.get_bind().dialect.name == "postgresql":
        for name in ENUM_TYPES:
            sa.Enum(name=name).drop(op.get_bind(), checkfirst=True)
