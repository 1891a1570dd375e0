"""Scheduler: weekly board, hiding from the board, opt-in daily reminders.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-23 09:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

TABLE_OPTIONS = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}

revision: str = "0003"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def timestamp() -> sa.types.TypeEngine[object]:
    """Aware timestamps: timestamptz on PostgreSQL, DATETIME(6) holding UTC on MySQL."""
    return sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def upgrade() -> None:
    with op.batch_alter_table("users") as users:
        users.add_column(
            sa.Column(
                "hide_from_board", sa.Boolean(), server_default=sa.text("false"), nullable=False
            )
        )
        users.add_column(
            sa.Column(
                "reminders_enabled", sa.Boolean(), server_default=sa.text("false"), nullable=False
            )
        )
        users.add_column(
            sa.Column("reminder_hour", sa.SmallInteger(), nullable=True, comment="0-23, local")
        )
    with op.batch_alter_table("leaderboard_cache") as board:
        board.add_column(
            sa.Column("weekly_rank", sa.Integer(), server_default=sa.text("0"), nullable=False)
        )
        board.add_column(
            sa.Column("weekly_score", sa.Integer(), server_default=sa.text("0"), nullable=False)
        )
        board.create_index(op.f("ix_leaderboard_cache_weekly_rank"), ["weekly_rank"], unique=False)
    op.create_table(
        "reminders_sent",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("sent_at", timestamp(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_reminders_sent_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "day", name=op.f("pk_reminders_sent")),
        **TABLE_OPTIONS,
    )


def downgrade() -> None:
    op.drop_table("reminders_sent")
    with op.batch_alter_table("leaderboard_cache") as board:
        board.drop_index(op.f("ix_leaderboard_cache_weekly_rank"))
        board.drop_column("weekly_score")
        board.drop_column("weekly_rank")
    with op.batch_alter_table("users") as users:
        users.drop_column("reminder_hour")
        users.drop_column("reminders_enabled")
        users.drop_column("hide_from_board")
