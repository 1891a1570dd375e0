"""Per-learner board totals, so the leaderboard refresh ranks one row per learner.

Every learner is backfilled as not yet counted (``version`` 1, ``counted`` 0): the counts
need the board's week, which only the refresh knows, so its first run recounts them all
in one set-based statement.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 13:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE_OPTIONS = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}


def counter(name: str, default: int = 0) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), server_default=sa.text(str(default)), nullable=False)


def upgrade() -> None:
    op.create_table(
        "learner_totals",
        sa.Column("user_id", sa.Integer(), autoincrement=False, nullable=False),
        counter("total_score"),
        counter("lessons_completed"),
        counter("achievements_count"),
        counter("weekly_score"),
        sa.Column(
            "week_start",
            sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb"),
            nullable=True,
        ),
        counter("version", 1),
        counter("counted"),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_learner_totals_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_learner_totals")),
        **TABLE_OPTIONS,
    )
    op.execute("INSERT INTO learner_totals (user_id) SELECT id FROM users")


def downgrade() -> None:
    op.drop_table("learner_totals")
