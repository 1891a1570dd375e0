"""Daily goal: the points a learner means to earn each day, 20 until they pick another.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 02:25:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as users:
        users.add_column(
            sa.Column(
                "daily_goal",
                sa.SmallInteger(),
                server_default=sa.text("20"),
                nullable=False,
                comment="points a day",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as users:
        users.drop_column("daily_goal")
