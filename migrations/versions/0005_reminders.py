"""Daily reminders: the local day of the last reminder, so none is sent twice a day.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 11:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as users:
        users.add_column(
            sa.Column("reminded_on", sa.Date(), nullable=True, comment="last reminder, local day")
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as users:
        users.drop_column("reminded_on")
