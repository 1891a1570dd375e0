"""Bot state: a learner's chosen language and pending text challenge; handled updates.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

TABLE_OPTIONS = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def timestamp() -> sa.types.TypeEngine[object]:
    return sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("locale", sa.String(length=10), nullable=True, comment="chosen UI language")
        )
        batch.add_column(
            sa.Column(
                "pending_challenge_id",
                sa.Integer(),
                nullable=True,
                comment="text challenge the next typed message answers",
            )
        )
        batch.create_foreign_key(
            op.f("fk_users_pending_challenge_id_challenges"),
            "challenges",
            ["pending_challenge_id"],
            ["id"],
            ondelete="SET NULL",
        )
    op.create_table(
        "processed_updates",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("processed_at", timestamp(), nullable=False),
        sa.PrimaryKeyConstraint("update_id", name=op.f("pk_processed_updates")),
        **TABLE_OPTIONS,
    )
    op.create_index(
        op.f("ix_processed_updates_processed_at"),
        "processed_updates",
        ["processed_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_processed_updates_processed_at"), table_name="processed_updates")
    op.drop_table("processed_updates")
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint(op.f("fk_users_pending_challenge_id_challenges"), type_="foreignkey")
        batch.drop_column("pending_challenge_id")
        batch.drop_column("locale")
