"""pytest-alembic's built-in tests, run on SQLite, PostgreSQL and MariaDB.

They check: one head; upgrade base -> head; every step down and up again; and that the
migrated schema matches the models (the same comparison as ``alembic check``).
"""

from pytest_alembic.tests import (
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)

__all__ = [
    "test_model_definitions_match_ddl",
    "test_single_head_revision",
    "test_up_down_consistency",
    "test_upgrade",
]
