from datetime import date, datetime
from typing import Protocol

from domain.leagues import LeagueMember, LeagueResult, LeagueRules


class LeagueTable(Protocol):
    """What the league view reads, in one round trip."""

    @property
    def tier(self) -> int: ...

    @property
    def tier_name(self) -> str | None: ...

    @property
    def members(self) -> list[LeagueMember]: ...


class LeagueReader(Protocol):
    async def league_of(self, user_id: int, week: date) -> LeagueTable | None:
        """The learner's league of ``week`` with every member's points this week (as the
        board last counted them), or None when they are in no league that week."""
        ...


class LeagueRollover(Protocol):
    async def last_closed(self) -> date | None:
        """The newest week whose leagues were closed, or None before the first rollover."""
        ...

    async def close(
        self, week: date, bounds: tuple[datetime, datetime], rules: LeagueRules, now: datetime
    ) -> int:
        """Rank ``week``'s leagues by the points earned within ``bounds``, move each member
        up, down or nowhere, record the week as closed, and form the next week's leagues
        from the active learners who earned points within ``bounds``; returns how many
        learners those hold. Set-based, in the caller's transaction, so a crash leaves
        nothing half-done and a week is closed once."""
        ...


class LeagueNews(Protocol):
    async def untold(self, week: date, after: int, limit: int) -> list[LeagueResult]:
        """Active members of the closed ``week`` not yet told their result, by user id
        from ``after`` (exclusive)."""
        ...

    async def claim_told(self, user_id: int, week: date) -> bool:
        """Record that the learner was told ``week``'s result; False if already recorded.
        Claimed before sending, so two runs can never both send it."""
        ...

    async def tier_of(self, user_id: int) -> int:
        """The tier the learner enters their next league in: 0 until they first move."""
        ...


class LeagueRepository(LeagueReader, LeagueRollover, LeagueNews, Protocol):
    """Every league role over the league tables, as the unit of work exposes them."""
