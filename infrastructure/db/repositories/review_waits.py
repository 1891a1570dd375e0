"""The typed review card a learner's next message answers: one row per learner, written
when the card is put up, read only by a typed message, deleted by its answer."""

from dataclasses import asdict

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.review import ReviewWait
from infrastructure.db.models import ReviewWaitRow, table
from infrastructure.db.upsert import upsert

WAITS = table(ReviewWaitRow)
CHANGING = ("challenge_id", "review", "since")


class SqlReviewWaits:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def wait_for(self, wait: ReviewWait) -> None:
        dialect = self._session.get_bind().dialect.name
        statement = upsert(dialect, WAITS, asdict(wait), _changes)
        await self._session.execute(statement)

    async def waiting(self, user_id: int) -> ReviewWait | None:
        columns = (WAITS.c[name] for name in CHANGING)
        query = sa.select(*columns).where(WAITS.c.user_id == user_id)
        row = (await self._session.execute(query)).first()
        return None if row is None else ReviewWait(user_id, *row)

    async def stop(self, user_id: int) -> None:
        await self._session.execute(sa.delete(WAITS).where(WAITS.c.user_id == user_id))


def _changes(inserted: sa.ColumnCollection[str, sa.ColumnElement[object]]) -> dict[str, object]:
    return {name: inserted[name] for name in CHANGING}
