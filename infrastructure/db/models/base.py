"""Declarative base with a naming convention, so every backend gets the same names."""

from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar, cast

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from infrastructure.db.types import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


TABLE_OPTIONS = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}
"""Full Unicode (emoji in names and answers) whatever the MySQL server's default is."""


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime()}
    __table_args__: Any = TABLE_OPTIONS


ENUM_LENGTH = 32
"""Room for longer names than today's: a new value must not need a wider column."""


def db_enum(values: type[StrEnum], name: str) -> sa.Enum:
    """A VARCHAR the application validates, the same on every backend.

    No native ENUM and no CHECK constraint: a new member of ``values`` (a challenge kind,
    an activity type) is then a code change only, with no migration.
    """
    return sa.Enum(
        values,
        name=name,
        values_callable=lambda members: [member.value for member in members],
        native_enum=False,
        create_constraint=False,
        validate_strings=True,
        length=ENUM_LENGTH,
    )


def user_fk() -> sa.ForeignKey:
    """Learner-owned rows go with the learner: deleting a user cascades in the database."""
    return sa.ForeignKey("users.id", ondelete="CASCADE")


class Timestamps:
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


def flag(default: bool) -> Mapped[bool]:
    return mapped_column(sa.Boolean, server_default=sa.true() if default else sa.false())


def counter(default: int = 0) -> Mapped[int]:
    return mapped_column(server_default=sa.text(str(default)))


def table(model: type[Base]) -> sa.Table:
    """The Core table of a model, for plain inserts and updates that bypass the ORM."""
    return cast(sa.Table, model.__table__)
