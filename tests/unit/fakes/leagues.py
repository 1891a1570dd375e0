from dataclasses import dataclass, field
from datetime import date, datetime

from domain.leagues import (
    ONE_WEEK,
    Contender,
    LeagueMember,
    LeagueResult,
    LeagueRules,
    Outcome,
    places,
)

from .tables import FakeMembership, Tables


@dataclass(frozen=True, slots=True)
class FakeLeagueTable:
    tier: int
    tier_name: str | None
    members: list[LeagueMember] = field(default_factory=list)


class FakeLeagues:
    """The league tables in memory, applying the domain's rules the way the SQL does."""

    def __init__(self, tables: Tables) -> None:
        self._tables = tables
        self.tier_names: dict[int, str] = {}

    async def league_of(self, user_id: int, week: date) -> FakeLeagueTable | None:
        mine = self._tables.league_members.get((week, user_id))
        if mine is None:
            return None
        members = [
            LeagueMember(
                member_id,
                self._tables.learners[member_id].display_name,
                self._tables.week_points.get((member_id, week), 0),
                member_id in self._tables.hidden,
            )
            for (member_week, member_id), row in self._tables.league_members.items()
            if member_week == week and (row.tier, row.league) == (mine.tier, mine.league)
        ]
        return FakeLeagueTable(mine.tier, self.tier_names.get(mine.tier), members)

    async def last_closed(self) -> date | None:
        return max(self._tables.league_closed, default=None)

    async def close(
        self, week: date, bounds: tuple[datetime, datetime], rules: LeagueRules, now: datetime
    ) -> int:
        if week in self._tables.league_closed:
            raise AssertionError(f"week {week} closed twice")
        leagues: dict[tuple[int, int], list[Contender]] = {}
        for (member_week, user_id), row in self._tables.league_members.items():
            if member_week == week:
                score = self._tables.week_points.get((user_id, week), 0)
                leagues.setdefault((row.tier, row.league), []).append(Contender(user_id, score))
        for (tier, _league), contenders in leagues.items():
            for place, contender in enumerate(places(contenders), start=1):
                row = self._tables.league_members[(week, contender.user_id)]
                outcome = rules.outcome(tier, place, len(contenders), contender.score)
                row.score, row.place, row.outcome = contender.score, place, outcome
                if outcome:
                    self._tables.league_ladder[contender.user_id] = tier + outcome
        self._tables.league_closed.add(week)
        return self._form(week + ONE_WEEK, week, rules)

    def _form(self, week: date, last_week: date, rules: LeagueRules) -> int:
        active = [
            Contender(user_id, points)
            for (user_id, points_week), points in self._tables.week_points.items()
            if points_week == last_week and points > 0 and self._tables.learners[user_id].is_active
        ]
        tiers: dict[int, list[int]] = {}
        for contender in places(active):
            tier = rules.clamp(self._tables.league_ladder.get(contender.user_id, 0))
            tiers.setdefault(tier, []).append(contender.user_id)
        for tier, learners in tiers.items():
            for league, members in enumerate(rules.group(learners)):
                for user_id in members:
                    self._tables.league_members[(week, user_id)] = FakeMembership(tier, league)
        return len(active)

    async def untold(self, week: date, after: int, limit: int) -> list[LeagueResult]:
        results = [
            self._result(week, user_id, row)
            for (member_week, user_id), row in sorted(self._tables.league_members.items())
            if member_week == week
            and user_id > after
            and not row.told
            and row.outcome is not None
            and self._tables.learners[user_id].is_active
        ]
        return results[:limit]

    def _result(self, week: date, user_id: int, row: FakeMembership) -> LeagueResult:
        learner = self._tables.learners[user_id]
        assert row.place is not None
        assert row.outcome is not None
        outcome = Outcome(row.outcome)
        return LeagueResult(
            user_id=user_id,
            telegram_id=learner.telegram_id,
            locale=learner.locale or learner.language_code,
            week=week,
            tier=row.tier,
            place=row.place,
            score=row.score,
            outcome=outcome,
            tier_name=self.tier_names.get(row.tier),
            new_tier_name=self.tier_names.get(row.tier + outcome),
        )

    async def claim_told(self, user_id: int, week: date) -> bool:
        row = self._tables.league_members.get((week, user_id))
        if row is None or row.told:
            return False
        row.told = True
        return True

    async def tier_of(self, user_id: int) -> int:
        return self._tables.league_ladder.get(user_id, 0)
