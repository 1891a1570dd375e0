"""Weekly leagues: the learner's league this week, the weekly rollover, and its news."""

from collections.abc import Callable

from domain.enums import Delivery
from domain.leagues import (
    LeagueResult,
    LeagueRules,
    LeagueView,
    RolloverResult,
    days_left,
    league_view,
    league_week,
    week_bounds,
    weeks_to_close,
)
from domain.ports import Clock, LeaguePorts, Notifier
from domain.services.commits import before_sending, under_the_lock
from domain.services.delivery import DeliveryReport, deliver

NEWS_BATCH = 500
"""Results read at a time while telling them: a million members never sit in memory."""
ResultText = Callable[[LeagueResult], str]


NewsReport = DeliveryReport


class LeagueService:
    def __init__(self, uow: LeaguePorts, clock: Clock, timezone: str, rules: LeagueRules) -> None:
        self._uow = uow
        self._clock = clock
        self._timezone = timezone
        self._rules = rules

    async def view(self, user_id: int) -> LeagueView | None:
        """The learner's league this week, or None before their first league."""
        now = self._clock.now()
        week = league_week(now, self._timezone)
        table = await self._uow.leagues.league_of(user_id, week)
        if table is None:
            return None
        days = days_left(now, week, self._timezone)
        return league_view(
            user_id, week, table.tier, table.members, self._rules, days, table.tier_name
        )

    async def tier_of(self, user_id: int) -> int:
        return await self._uow.leagues.tier_of(user_id)

    async def rollover(self, wait_seconds: float = 0) -> RolloverResult:
        """Close every ended week not closed yet, oldest first, in one transaction under
        the league lock: a second replica skips, a run after a crash redoes it all, and a
        run after a finished one finds nothing to close."""
        async with self._uow.league_lock.hold(wait_seconds) as acquired:
            if not acquired:
                return RolloverResult(closed=None)
            now = self._clock.now()
            current = league_week(now, self._timezone)
            closed = weeks_to_close(await self._uow.leagues.last_closed(), current)
            placed = 0
            for week in closed:
                bounds = week_bounds(week, self._timezone)
                placed = await self._uow.leagues.close(week, bounds, self._rules, now)
            await under_the_lock(self._uow)
        return RolloverResult(closed=closed, placed=placed)

    async def tell_results(self, notifier: Notifier, text: ResultText) -> NewsReport:
        """Each active member of the last closed week hears their result once: claimed and
        committed before sending, as reminders are; a learner who blocked the bot is
        deactivated. Older weeks' untold results are stale news and stay untold."""
        week = await self._uow.leagues.last_closed()
        outcomes: list[Delivery | None] = []
        after = 0
        while week is not None:
            batch = await self._uow.leagues.untold(week, after, NEWS_BATCH)
            if not batch:
                break
            outcomes += [await self._tell(result, notifier, text) for result in batch]
            after = batch[-1].user_id
        return NewsReport.of(outcomes)

    async def _tell(
        self, result: LeagueResult, notifier: Notifier, text: ResultText
    ) -> Delivery | None:
        if not await self._uow.leagues.claim_told(result.user_id, result.week):
            return None
        await before_sending(self._uow)
        return await deliver(
            self._uow, self._clock, notifier, result.user_id, result.telegram_id, text(result)
        )
