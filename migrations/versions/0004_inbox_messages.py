"""Learner inbox: questions and problem reports about lessons, with admins' replies.

Revision ID: 0004
Revises: 0002
Create Date: 2026-11-23 09:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

TABLE_OPTIONS = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}
ENUM_TYPES = ("inbox_kind", "inbox_status")


def timestamp() -> sa.types.TypeEngine[object]:
    """Aware timestamps: timestamptz on PostgreSQL, DATETIME(6) holding UTC on MySQL."""
    return sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


revision: str = "0004"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inbox_messages",
        sa.Column("id", sa.CHAR(length=36), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("lesson_id", sa.Integer(), nullable=True),
        sa.Column("challenge_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum("question", "problem", name="inbox_kind", create_constraint=True),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("new", "replied", "resolved", name="inbox_status", create_constraint=True),
            nullable=False,
        ),
        sa.Column("reply", sa.Text(), nullable=True),
        sa.Column("created_at", timestamp(), nullable=False),
        sa.Column("replied_at", timestamp(), nullable=True),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.ForeignKeyConstraint(
            ["challenge_id"],
            ["challenges.id"],
            name=op.f("fk_inbox_messages_challenge_id_challenges"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lesson_id"],
            ["lessons.id"],
            name=op.f("fk_inbox_messages_lesson_id_lessons"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_inbox_messages_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_messages")),
        **TABLE_OPTIONS,
    )
    op.create_index(
        op.f("ix_inbox_messages_challenge_id"), "inbox_messages", ["challenge_id"], unique=False
    )
    op.create_index(
        op.f("ix_inbox_messages_lesson_id"), "inbox_messages", ["lesson_id"], unique=False
    )
    op.create_index(
        op.f("ix_inbox_messages_status_created_at"),
        "inbox_messages",
        ["status", "created_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_inbox_messages_user_id_created_at"),
        "inbox_messages",
        ["user_id", "created_at"],
        unique=False,
    )


def downgrade() -> None:
    """The table takes its indexes with it; PostgreSQL keeps enum types unless dropped."""
    op.drop_table("inbox_messages")
    if op.get_bind().dialect.name == "postgresql":
        for name in ENUM_TYPES:
            sa.Enum(name=name).drop(op.get_bind(), checkfirst=True)
