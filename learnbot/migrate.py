"""Alembic, driven from Python so the CLI works from any directory once installed."""

from pathlib import Path

from alembic.config import Config

import migrations

FILE_TEMPLATE = "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s"


def alembic_config() -> Config:
    """The same configuration as ``alembic.ini``; the URL comes from ``DATABASE_URL``."""
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    config.set_main_option("file_template", FILE_TEMPLATE)
    config.set_main_option("path_separator", "os")
    return config
