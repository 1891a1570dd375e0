"""The content version, so bot processes can cache the published catalogue.

Every content write bumps ``content_state.version`` in its own transaction; a process
reloads its cached catalogue when the version it reads with the learner differs.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 17:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE_OPTIONS = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}


def upgrade() -> None:
    op.create_table(
        "content_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_state")),
        **TABLE_OPTIONS,
    )
    op.execute("INSERT INTO content_state (id, version) VALUES (1, 1)")


def downgrade() -> None:
    op.drop_table("content_state")
