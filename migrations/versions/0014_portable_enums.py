"""Portable enums: every native ENUM column becomes a VARCHAR the application validates,
so a new challenge kind or activity type needs no migration.

PostgreSQL: the columns change type and the enum types are dropped; MariaDB: the ENUM
columns are modified to VARCHAR; SQLite: the tables are rebuilt without their CHECKs.
The downgrade restores the enums (it fails if a row holds a value the enum lacks).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 05:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LENGTH = 32
ENUMS: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
    ("achievements", "type"): (
        "achievement_type",
        ("LESSON_COMPLETED", "MODULE_COMPLETED", "STREAK", "CHALLENGES_SOLVED", "MILESTONE"),
    ),
    ("activity_log", "activity_type"): (
        "activity_type",
        (
            "LESSON_STARTED",
            "LESSON_COMPLETED",
            "CHALLENGE_ATTEMPTED",
            "CHALLENGE_SOLVED",
            "ACHIEVEMENT_EARNED",
            "LOGIN",
            "REVIEW_ANSWERED",
        ),
    ),
    ("challenges", "kind"): ("challenge_kind", ("single_choice", "multiple_choice", "text")),
    ("user_progress", "status"): (
        "progress_status",
        ("NOT_STARTED", "IN_PROGRESS", "COMPLETED"),
    ),
    ("inbox_messages", "kind"): ("inbox_kind", ("question", "problem")),
    ("inbox_messages", "status"): ("inbox_status", ("new", "replied", "resolved")),
}


def native(name: str, values: Sequence[str]) -> sa.Enum:
    return sa.Enum(*values, name=name, create_constraint=True)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, column in ENUMS:
            op.execute(
                f"ALTER TABLE {table} ALTER COLUMN {column}"
                f" TYPE VARCHAR({LENGTH}) USING {column}::text"
            )
        for name in {name for name, _ in ENUMS.values()}:
            op.execute(f"DROP TYPE {name}")
        return
    for (table, column), (name, values) in ENUMS.items():
        with op.batch_alter_table(table) as batch:
            batch.alter_column(
                column,
                existing_type=native(name, values),
                type_=sa.String(LENGTH),
                existing_nullable=False,
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, values in dict(ENUMS.values()).items():
            native(name, values).create(op.get_bind())
        for (table, column), (name, _) in ENUMS.items():
            op.execute(
                f"ALTER TABLE {table} ALTER COLUMN {column} TYPE {name} USING {column}::{name}"
            )
        return
    for (table, column), (name, values) in ENUMS.items():
        with op.batch_alter_table(table) as batch:
            batch.alter_column(
                column,
                existing_type=sa.String(LENGTH),
                type_=native(name, values),
                existing_nullable=False,
            )
