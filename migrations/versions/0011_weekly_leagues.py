"""Weekly leagues: league members per week, each learner's next tier, the weeks closed,
and the league tier names a course pack gives.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 04:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE_OPTIONS = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}


def timestamp() -> sa.types.TypeEngine[object]:
    """Aware timestamps: timestamptz on PostgreSQL, DATETIME(6) holding UTC on MySQL."""
    return sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def learner(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["user_id"], ["users.id"], name=op.f(f"fk_{table}_user_id_users"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "league_members",
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("user_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("tier", sa.SmallInteger(), nullable=False),
        sa.Column("league", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("place", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.SmallInteger(), nullable=True),
        sa.Column("told", sa.Boolean(), server_default=sa.false(), nullable=False),
        learner("league_members"),
        sa.PrimaryKeyConstraint("week", "user_id", name=op.f("pk_league_members")),
        **TABLE_OPTIONS,
    )
    op.create_index(
        op.f("ix_league_members_week_tier_league"),
        "league_members",
        ["week", "tier", "league"],
        unique=False,
    )
    op.create_table(
        "league_ladder",
        sa.Column("user_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("tier", sa.SmallInteger(), nullable=False),
        learner("league_ladder"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_league_ladder")),
        **TABLE_OPTIONS,
    )
    op.create_table(
        "league_weeks",
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("closed_at", timestamp(), nullable=False),
        sa.Column(
            "placed", sa.Integer(), nullable=False, comment="learners in the next week's leagues"
        ),
        sa.PrimaryKeyConstraint("week", name=op.f("pk_league_weeks")),
        **TABLE_OPTIONS,
    )
    op.create_table(
        "league_tier_names",
        sa.Column("tier", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("tier", name=op.f("pk_league_tier_names")),
        **TABLE_OPTIONS,
    )


def downgrade() -> None:
    op.drop_table("league_tier_names")
    op.drop_table("league_weeks")
    op.drop_table("league_ladder")
    op.drop_index(op.f("ix_league_members_week_tier_league"), table_name="league_members")
    op.drop_table("league_members")
