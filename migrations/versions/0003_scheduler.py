"""Scheduler: weekly board, hiding from the board, reminder opt-in columns.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 09:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


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
        board.create_index(
            op.f("ix_leaderboard_cache_rank_user_id"), ["rank", "user_id"], unique=False
        )
        board.create_index(
            op.f("ix_leaderboard_cache_weekly_rank_user_id"),
            ["weekly_rank", "user_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("leaderboard_cache") as board:
        board.drop_index(op.f("ix_leaderboard_cache_weekly_rank_user_id"))
        board.drop_index(op.f("ix_leaderboard_cache_rank_user_id"))
        board.drop_column("weekly_score")
        board.drop_column("weekly_rank")
    with op.batch_alter_table("users") as users:
        users.drop_column("reminder_hour")
        users.drop_column("reminders_enabled")
        users.drop_column("hide_from_board")
