"""Review waits: the typed review card a learner's next message answers.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 05:45:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE_OPTIONS = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}


def timestamp() -> sa.types.TypeEngine[object]:
    return sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def upgrade() -> None:
    op.create_table(
        "review_waits",
        sa.Column("user_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("challenge_id", sa.Integer(), nullable=False),
        sa.Column("review", sa.Integer(), nullable=False),
        sa.Column("since", timestamp(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_review_waits_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["challenge_id"],
            ["challenges.id"],
            name=op.f("fk_review_waits_challenge_id_challenges"),
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_review_waits")),
        **TABLE_OPTIONS,
    )
    op.create_index(op.f("ix_review_waits_challenge_id"), "review_waits", ["challenge_id"])


def downgrade() -> None:
    op.drop_table("review_waits")
