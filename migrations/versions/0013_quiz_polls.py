"""Quiz polls: a challenge's form and open period, and the polls the bot sent.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 04:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE_OPTIONS = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}


def timestamp() -> sa.types.TypeEngine[object]:
    return sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def upgrade() -> None:
    with op.batch_alter_table("challenges") as challenges:
        challenges.add_column(
            sa.Column("form", sa.String(16), server_default="buttons", nullable=False)
        )
        challenges.add_column(
            sa.Column(
                "open_period",
                sa.Integer(),
                nullable=True,
                comment="seconds a quiz poll stays open",
            )
        )
    op.create_table(
        "quiz_polls",
        sa.Column("poll_id", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("challenge_id", sa.Integer(), nullable=False),
        sa.Column("take", sa.Integer(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column(
            "option_order",
            sa.Text(),
            nullable=False,
            comment="JSON: option index per poll option",
        ),
        sa.Column("sent_at", timestamp(), nullable=False),
        sa.Column("closes_at", timestamp(), nullable=True),
        sa.ForeignKeyConstraint(
            ["challenge_id"],
            ["challenges.id"],
            name=op.f("fk_quiz_polls_challenge_id_challenges"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_quiz_polls_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("poll_id", name=op.f("pk_quiz_polls")),
        **TABLE_OPTIONS,
    )
    op.create_index(op.f("ix_quiz_polls_user_id"), "quiz_polls", ["user_id"])
    op.create_index(op.f("ix_quiz_polls_challenge_id"), "quiz_polls", ["challenge_id"])


def downgrade() -> None:
    op.drop_table("quiz_polls")
    with op.batch_alter_table("challenges") as challenges:
        challenges.drop_column("open_period")
        challenges.drop_column("form")
