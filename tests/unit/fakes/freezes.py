from collections.abc import Sequence
from datetime import date

from domain.freezes import FreezeLedger

from .tables import Tables

EARNED, SPENT, AWARD = "earned", "spent", "award:"


class FakeFreezeStore:
    """Freeze facts keyed like the real primary key (learner, day, kind), with a told flag."""

    def __init__(self, tables: Tables) -> None:
        self._tables = tables

    async def ledger(self, user_id: int) -> FreezeLedger:
        return ledger_of(self._tables, user_id)

    async def spend(self, user_id: int, days: Sequence[date]) -> None:
        for day in days:
            self._tables.freezes.setdefault((user_id, day, SPENT), False)

    async def earn(self, user_id: int, day: date) -> bool:
        if (user_id, day, EARNED) in self._tables.freezes:
            return False
        self._tables.freezes[user_id, day, EARNED] = False
        return True

    async def reward(self, user_id: int, day: date, achievement_id: int) -> bool:
        key = (user_id, day, f"{AWARD}{achievement_id}")
        if key in self._tables.freezes:
            return False
        self._tables.freezes[key] = False
        return True

    async def tell(self, user_id: int) -> tuple[date, ...]:
        untold = sorted(
            day
            for (owner, day, kind), told in self._tables.freezes.items()
            if owner == user_id and kind == SPENT and not told
        )
        for day in untold:
            self._tables.freezes[user_id, day, SPENT] = True
        return tuple(untold)


def ledger_of(tables: Tables, user_id: int) -> FreezeLedger:
    facts = [(day, kind) for owner, day, kind in tables.freezes if owner == user_id]
    return FreezeLedger(
        frozenset(day for day, kind in facts if kind == EARNED),
        frozenset(day for day, kind in facts if kind == SPENT),
        tuple(sorted(day for day, kind in facts if kind.startswith(AWARD))),
    )
