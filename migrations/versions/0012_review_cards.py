"""Spaced review: a card per learner and answered challenge (FSRS state, due time), the
log of review answers, and REVIEW_ANSWERED in the activity log.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 04:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE_OPTIONS = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}
ACTIVITIES = (
    "LESSON_STARTED",
    "LESSON_COMPLETED",
    "CHALLENGE_ATTEMPTED",
    "CHALLENGE_SOLVED",
    "ACHIEVEMENT_EARNED",
    "LOGIN",
)
REVIEWED = "REVIEW_ANSWERED"


def timestamp() -> sa.types.TypeEngine[object]:
    return sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def activity_type(*values: str) -> sa.Enum:
    return sa.Enum(*values, name="activity_type", create_constraint=True)


def upgrade() -> None:
    _cards()
    _log()
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TYPE activity_type ADD VALUE IF NOT EXISTS '{REVIEWED}'")
    else:
        _retype(ACTIVITIES, (*ACTIVITIES, REVIEWED))


def downgrade() -> None:
    op.execute(f"DELETE FROM activity_log WHERE activity_type = '{REVIEWED}'")
    if op.get_bind().dialect.name == "postgresql":
        names = ", ".join(f"'{value}'" for value in ACTIVITIES)
        op.execute("ALTER TYPE activity_type RENAME TO activity_type_old")
        op.execute(f"CREATE TYPE activity_type AS ENUM ({names})")
        op.execute(
            "ALTER TABLE activity_log ALTER COLUMN activity_type TYPE activity_type"
            " USING activity_type::text::activity_type"
        )
        op.execute("DROP TYPE activity_type_old")
    else:
        _retype((*ACTIVITIES, REVIEWED), ACTIVITIES)
    op.drop_table("review_log")
    op.drop_table("review_cards")


def _retype(old: Sequence[str], new: Sequence[str]) -> None:
    """MySQL: MODIFY the ENUM column; SQLite: the table rebuilt with the new CHECK."""
    with op.batch_alter_table("activity_log") as log:
        log.alter_column(
            "activity_type",
            existing_type=activity_type(*old),
            type_=activity_type(*new),
            existing_nullable=False,
        )


def _cards() -> None:
    op.create_table(
        "review_cards",
        sa.Column("user_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("challenge_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("due", timestamp(), nullable=False),
        sa.Column("state", sa.SmallInteger(), nullable=False),
        sa.Column("step", sa.SmallInteger(), nullable=True),
        sa.Column("stability", sa.Double(), nullable=True),
        sa.Column("difficulty", sa.Double(), nullable=True),
        sa.Column("last_review", timestamp(), nullable=True),
        sa.Column("reps", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("lapses", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_review_cards_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["challenge_id"],
            ["challenges.id"],
            name=op.f("fk_review_cards_challenge_id_challenges"),
        ),
        sa.PrimaryKeyConstraint("user_id", "challenge_id", name=op.f("pk_review_cards")),
        **TABLE_OPTIONS,
    )
    op.create_index(op.f("ix_review_cards_user_id_due"), "review_cards", ["user_id", "due"])
    op.create_index(op.f("ix_review_cards_challenge_id"), "review_cards", ["challenge_id"])


def _log() -> None:
    big_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "review_log",
        sa.Column("id", big_id, autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("challenge_id", sa.Integer(), nullable=False),
        sa.Column("review", sa.Integer(), nullable=False),
        sa.Column("rating", sa.SmallInteger(), nullable=False),
        sa.Column("is_correct", sa.Boolean(), nullable=False),
        sa.Column("points", sa.SmallInteger(), nullable=False),
        sa.Column("reviewed_at", timestamp(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_review_log_user_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["challenge_id"], ["challenges.id"], name=op.f("fk_review_log_challenge_id_challenges")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_log")),
        sa.UniqueConstraint(
            "user_id",
            "challenge_id",
            "review",
            name=op.f("uq_review_log_user_id_challenge_id_review"),
        ),
        **TABLE_OPTIONS,
    )
    op.create_index(
        op.f("ix_review_log_user_id_reviewed_at"), "review_log", ["user_id", "reviewed_at"]
    )
    op.create_index(op.f("ix_review_log_challenge_id"), "review_log", ["challenge_id"])
