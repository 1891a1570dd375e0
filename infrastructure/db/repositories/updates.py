from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from infrastructure.db.models import ProcessedUpdateRow, table
from infrastructure.db.upsert import affected, insert_if_absent

MYSQL_DUPLICATE_KEY = 1062


class SqlUpdateJournal:
    """A primary key on update_id: two replicas claiming one update queue on the index."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def claim(self, update_id: int, now: datetime) -> bool:
        values = {"update_id": update_id, "processed_at": now}
        rows = table(ProcessedUpdateRow)
        if self._session.get_bind().dialect.name not in {"mysql", "mariadb"}:
            return await insert_if_absent(self._session, rows, values, ["update_id"])
        return await self._claim_on_mysql(rows, values)

    async def _claim_on_mysql(self, rows: sa.Table, values: dict[str, object]) -> bool:
        """MySQL reports no difference between a no-op upsert and an insert on a table
        without an auto-increment key, so the duplicate is caught inside a savepoint."""
        try:
            async with self._session.begin_nested():
                await self._session.execute(sa.insert(rows).values(values))
        except IntegrityError as error:
            if getattr(error.orig, "args", (None,))[0] != MYSQL_DUPLICATE_KEY:
                raise
            return False
        return True

    async def forget_before(self, moment: datetime) -> int:
        rows = table(ProcessedUpdateRow)
        result = await self._session.execute(sa.delete(rows).where(rows.c.processed_at < moment))
        return affected(result)
