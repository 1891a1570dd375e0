"""The revision a starting bot checks against is the newest one in migrations/versions."""

from alembic.script import ScriptDirectory

import migrations
from learnbot.migrate import alembic_config


def test_head_revision_is_the_newest_migration() -> None:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()

    assert head == migrations.HEAD_REVISION, (
        f"migrations.HEAD_REVISION is {migrations.HEAD_REVISION!r}, the newest migration is "
        f"{head!r}: update migrations/__init__.py with the new revision"
    )
