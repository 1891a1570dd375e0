"""Alembic, driven from Python so the CLI works from any directory once installed."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

import migrations
from infrastructure.settings import Settings

FILE_TEMPLATE = "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s"


def alembic_config() -> Config:
    """The same configuration as ``alembic.ini``; the URL comes from ``DATABASE_URL``."""
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    config.set_main_option("file_template", FILE_TEMPLATE)
    config.set_main_option("path_separator", "os")
    return config


def migrate_on_start(settings: Settings) -> bool:
    """AUTO_MIGRATE=1 upgrades to the latest schema before serving; True when it ran."""
    if not settings.auto_migrate:
        return False
    command.upgrade(alembic_config(), "head")
    return True


async def is_up_to_date(engine: AsyncEngine) -> bool:
    """Whether the database is at the latest revision, so a process can refuse to start."""

    def revision(connection: Connection) -> str | None:
        return MigrationContext.configure(connection).get_current_revision()

    async with engine.connect() as connection:
        current = await connection.run_sync(revision)
    return current == ScriptDirectory.from_config(alembic_config()).get_current_head()
