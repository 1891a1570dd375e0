import json

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.activity import Activity
from infrastructure.db.models import ActivityRow, table


class SqlActivityLog:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, activity: Activity) -> None:
        await self._session.execute(sa.insert(table(ActivityRow)).values(activity_values(activity)))


def activity_values(activity: Activity) -> dict[str, object]:
    details = json.dumps(dict(activity.details), ensure_ascii=False) if activity.details else None
    return {
        "user_id": activity.user_id,
        "activity_type": activity.activity_type,
        "created_at": activity.created_at,
        "entity_type": activity.entity_type,
        "entity_id": activity.entity_id,
        "details": details,
    }
