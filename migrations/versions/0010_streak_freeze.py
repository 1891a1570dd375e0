"""Streak freezes: one fact per learner, local day and kind (earned or spent); course
settings from the pack (level names, freeze rules), by name, as JSON.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 04:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE_OPTIONS = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}


def upgrade() -> None:
    op.create_table(
        "streak_freezes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column(
            "kind", sa.String(length=20), nullable=False, comment="earned, spent or award:<id>"
        ),
        sa.Column("told", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_streak_freezes_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_streak_freezes")),
        sa.UniqueConstraint(
            "user_id", "day", "kind", name=op.f("uq_streak_freezes_user_id_day_kind")
        ),
        **TABLE_OPTIONS,
    )
    op.create_table(
        "course_settings",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False, comment="JSON"),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_course_settings")),
        **TABLE_OPTIONS,
    )


def downgrade() -> None:
    op.drop_table("course_settings")
    op.drop_table("streak_freezes")
