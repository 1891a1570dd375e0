from typing import Protocol

from domain.activity import Activity


class ActivityLog(Protocol):
    async def add(self, activity: Activity) -> None: ...
