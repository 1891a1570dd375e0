"""Streak freeze facts: one row per learner, local day and kind: ``earned`` by a streak,
``spent`` on a missed day, or ``award:<achievement id>`` for a freeze an achievement brought."""

from collections.abc import Iterable, Sequence
from datetime import date

import sqlalchemy as sa

from domain.freezes import FreezeLedger
from infrastructure.db.models import StreakFreezeRow, table
from infrastructure.db.transaction import OnTransaction
from infrastructure.db.upsert import affected, insert_if_absent

EARNED, SPENT, AWARD = "earned", "spent", "award:"
FREEZES = table(StreakFreezeRow)
KEY = ["user_id", "day", "kind"]


class SqlFreezes(OnTransaction):
    async def ledger(self, user_id: int) -> FreezeLedger:
        statement = sa.select(FREEZES.c.day, FREEZES.c.kind).where(FREEZES.c.user_id == user_id)
        return ledger_of((await self._session.execute(statement)).all())

    async def spend(self, user_id: int, days: Sequence[date]) -> None:
        for day in days:
            await self._insert(user_id, day, SPENT)

    async def earn(self, user_id: int, day: date) -> bool:
        return await self._insert(user_id, day, EARNED)

    async def reward(self, user_id: int, day: date, achievement_id: int) -> bool:
        return await self._insert(user_id, day, f"{AWARD}{achievement_id}")

    async def tell(self, user_id: int) -> tuple[date, ...]:
        """Each day is marked by a conditional update of its own, so of two callers racing
        only the one whose update changed the row reports it."""
        mine = (FREEZES.c.user_id == user_id, FREEZES.c.kind == SPENT, FREEZES.c.told == sa.false())
        untold = await self._session.scalars(sa.select(FREEZES.c.day).where(*mine))
        told = []
        for day in sorted(untold):
            update = sa.update(FREEZES).where(*mine, FREEZES.c.day == day).values(told=True)
            if affected(await self._session.execute(update)):
                told.append(day)
        return tuple(told)

    async def _insert(self, user_id: int, day: date, kind: str) -> bool:
        values = {"user_id": user_id, "day": day, "kind": kind, "told": False}
        return await insert_if_absent(self._session, FREEZES, values, KEY)


def ledger_of(rows: Iterable[Sequence[object]]) -> FreezeLedger:
    """(day, kind) pairs as the domain's ledger."""
    facts = [(day, str(kind)) for day, kind in rows if isinstance(day, date)]
    return FreezeLedger(
        frozenset(day for day, kind in facts if kind == EARNED),
        frozenset(day for day, kind in facts if kind == SPENT),
        tuple(sorted(day for day, kind in facts if kind.startswith(AWARD))),
    )
