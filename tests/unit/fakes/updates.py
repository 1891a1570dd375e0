from datetime import datetime

from .tables import Tables


class FakeUpdateJournal:
    def __init__(self, tables: Tables) -> None:
        self._tables = tables

    async def claim(self, update_id: int, now: datetime) -> bool:
        if update_id in self._tables.updates:
            return False
        self._tables.updates[update_id] = now
        return True

    async def forget_before(self, moment: datetime) -> int:
        old = [key for key, at in self._tables.updates.items() if at < moment]
        for key in old:
            del self._tables.updates[key]
        return len(old)
