"""Streak freezes: settle the missed days a held freeze covers, and earn one on a long streak."""

from collections.abc import Iterable, Sequence
from datetime import date

from domain.achievements import Achievement
from domain.freezes import FreezeLedger, FreezeRules, Freezes, earns_today, streak_kept, to_spend
from domain.ports.freezes import FreezeStore
from domain.streaks import Streak


class FreezeService:
    """Writes only facts that any other settler would write the same: the unique key of a
    (learner, day, kind) makes the second write of a race a no-op."""

    def __init__(self, store: FreezeStore, rules: FreezeRules) -> None:
        self._store = store
        self.rules = rules

    async def settle(
        self, user_id: int, study_days: Iterable[date], ledger: FreezeLedger, today: date
    ) -> FreezeLedger:
        """Spend what the missed days before ``today`` take; no write when none are missed."""
        days = to_spend(study_days, ledger, self.rules, today)
        if days:
            await self._store.spend(user_id, days)
        return ledger.with_spent(days)

    async def settled(self, user_id: int, study_days: Iterable[date], today: date) -> FreezeLedger:
        """The stored facts, settled up to ``today``."""
        days = tuple(study_days)
        return await self.settle(user_id, days, await self._store.ledger(user_id), today)

    async def studied(
        self, user_id: int, study_days: Iterable[date], ledger: FreezeLedger, today: date
    ) -> tuple[Streak, FreezeLedger, bool]:
        """After studying today: the streak counting frozen days, the facts as they now
        are, and whether this call earned a freeze (a racing or replayed call finds it
        recorded and earns none)."""
        days = tuple(study_days)
        ledger = await self.settle(user_id, days, ledger, today)
        streak = streak_kept(days, ledger, today)
        if not earns_today(streak, ledger, self.rules, today):
            return streak, ledger, False
        if not await self._store.earn(user_id, today):
            return streak, ledger, False
        return streak, ledger.with_earned(today), True

    async def rewarded(
        self, user_id: int, ledger: FreezeLedger, awarded: Sequence[Achievement], today: date
    ) -> tuple[FreezeLedger, bool]:
        """A freeze for each achievement just awarded that the rules name, while under the
        cap: the award itself is recorded once, and so is its freeze."""
        brought = False
        for achievement in awarded:
            if achievement.slug not in self.rules.rewards:
                continue
            if ledger.held(self.rules) < self.rules.cap and await self._store.reward(
                user_id, today, achievement.id
            ):
                ledger, brought = ledger.with_rewarded(today), True
        return ledger, brought

    async def report(
        self, user_id: int, study_days: Iterable[date], today: date
    ) -> tuple[Streak, Freezes]:
        """For /progress: settle, then the freezes held and the frozen days not yet told."""
        days = tuple(study_days)
        ledger = await self.settled(user_id, days, today)
        told = await self._store.tell(user_id)
        return streak_kept(days, ledger, today), self.shown(ledger, told)

    async def peek(
        self, user_id: int, study_days: Iterable[date], today: date
    ) -> tuple[Streak, Freezes]:
        """Read-only (``users show``): what settling would make of the stored facts."""
        days = tuple(study_days)
        ledger = await self._store.ledger(user_id)
        ledger = ledger.with_spent(to_spend(days, ledger, self.rules, today))
        return streak_kept(days, ledger, today), self.shown(ledger)

    def shown(self, ledger: FreezeLedger, kept_on: tuple[date, ...] = ()) -> Freezes:
        return Freezes(ledger.held(self.rules), self.rules.cap, kept_on)
