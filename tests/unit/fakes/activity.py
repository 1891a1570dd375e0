from domain.activity import Activity
from domain.enums import ActivityType

from .tables import Tables


class FakeActivityLog:
    def __init__(self, tables: Tables) -> None:
        self._tables = tables

    async def add(self, activity: Activity) -> None:
        self._tables.activities.append(activity)


def logged(tables: Tables, user_id: int, kind: ActivityType | None = None) -> list[Activity]:
    """One learner's activities in the order they were logged, optionally of one type."""
    return [
        row
        for row in tables.activities
        if row.user_id == user_id and (kind is None or row.activity_type is kind)
    ]


def assert_logged(tables: Tables, user_id: int, *expected: ActivityType) -> None:
    """The learner's whole log, type by type, is exactly ``expected``."""
    assert [row.activity_type for row in logged(tables, user_id)] == list(expected)


def assert_logged_once(
    tables: Tables, user_id: int, kind: ActivityType, entity_id: int | None = None
) -> Activity:
    rows = [row for row in logged(tables, user_id, kind) if row.entity_id == entity_id]
    assert len(rows) == 1, f"{kind} for {entity_id} logged {len(rows)} times"
    return rows[0]
