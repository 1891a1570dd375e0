"""The users' board flags indexed, so the leaderboard refresh reads a narrow index of
users instead of their whole rows (and finds the inactive ones by a range).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 18:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        op.f("ix_users_is_active_hide_from_board"),
        "users",
        ["is_active", "hide_from_board"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_users_is_active_hide_from_board"), table_name="users")
