"""Alembic, driven from Python so the CLI works from any directory once installed, and the
check every other command makes first: is the database there, and at the latest schema?

Alembic is imported only by the commands that migrate: a serving process checks the
schema with one read of ``alembic_version`` (see ``migrations.HEAD_REVISION``).
"""

from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

import migrations
from domain.errors import StorageUnavailable
from infrastructure.settings import DEFAULT_DATABASE_URL, Settings

if TYPE_CHECKING:
    from alembic.config import Config

VERSIONS = Path(migrations.__file__).parent / "versions"
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


def _is_missing_table(error: DBAPIError) -> bool:
    """An unmigrated database: every backend names the table it does not know."""
    return "alembic_version" in str(error.orig)


class DatabaseNotReady(Exception):
    """The database cannot serve this learnbot; the message says what to run."""


def missing_database(url: str) -> str | None:
    """Why a SQLite file named by ``url`` cannot be used when it does not exist yet (opening
    it would leave an empty file behind); None when it exists or is no file."""
    database = make_url(url).database if url.startswith("sqlite") else None
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database).resolve()
    if path.exists():
        return None
    where = " (the default DATABASE_URL, relative to this directory)"
    return (
        f"No database at {path}{where if url == DEFAULT_DATABASE_URL else ''}. "
        "Run `learnbot db upgrade` to create it, or point DATABASE_URL at your database."
    )


async def require_latest_schema(engine: AsyncEngine, shown_as: str) -> None:
    """Raises DatabaseNotReady unless the database answers and is at the latest revision;
    ``shown_as`` is its URL without the password."""
    try:
        revision = await current_revision(engine)
    except (DBAPIError, StorageUnavailable) as error:
        reason = str(getattr(error, "orig", None) or error).splitlines()[0]
        raise DatabaseNotReady(f"Cannot use the database at {shown_as}: {reason}") from error
    if revision != migrations.HEAD_REVISION:
        raise DatabaseNotReady(_behind(revision))


def _behind(revision: str | None) -> str:
    head = migrations.HEAD_REVISION
    if revision is None:
        return "The database has no schema yet: run `learnbot db upgrade` first."
    if not any(VERSIONS.glob(f"{revision}_*.py")):
        return f"The database is at revision {revision}, newer than this learnbot knows ({head})."
    return f"The database is at revision {revision}, not {head}: run `learnbot db upgrade` first."
