"""Alembic, driven from Python so the CLI works from any directory once installed.

Alembic is imported only by the commands that migrate: a serving process checks the
schema with one read of ``alembic_version`` (see ``migrations.HEAD_REVISION``).
"""

from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

import migrations
from infrastructure.settings import Settings

if TYPE_CHECKING:
    from alembic.config import Config

FILE_TEMPLATE = "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s"
VERSION_TABLE = sa.table("alembic_version", sa.column("version_num", sa.String))


def alembic_config() -> "Config":
    """The same configuration as ``alembic.ini``; the URL comes from ``DATABASE_URL``."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    config.set_main_option("file_template", FILE_TEMPLATE)
    config.set_main_option("path_separator", "os")
    return config


def migrate_on_start(settings: Settings) -> bool:
    """AUTO_MIGRATE=1 upgrades to the latest schema before serving; True when it ran."""
    if not settings.auto_migrate:
        return False
    from alembic import command

    command.upgrade(alembic_config(), "head")
    return True


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at; None when it was never migrated."""
    async with engine.connect() as connection:
        try:
            rows = (await connection.execute(sa.select(VERSION_TABLE.c.version_num))).all()
        except DBAPIError as error:
            if _is_missing_table(error):
                return None
            raise
    return rows[0][0] if len(rows) == 1 else None


async def is_up_to_date(engine: AsyncEngine) -> bool:
    """Whether the database is at the latest revision, so a process can refuse to start."""
    return await current_revision(engine) == migrations.HEAD_REVISION


def _is_missing_table(error: DBAPIError) -> bool:
    """An unmigrated database: every backend names the table it does not know."""
    return "alembic_version" in str(error.orig)
