"""Weekly leagues: learners active in a week compete in small leagues within tiers.

At the week's end the top of each league moves up a tier and the bottom moves down; the
learners active that week then form the next week's leagues. Weeks are keyed by their
Monday in the default time zone, so a rollover run again recognises a week it closed.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import IntEnum

from domain.leaderboard import week_start
from domain.streaks import zone

ONE_WEEK = timedelta(days=7)
MAX_TIERS = 20


class Outcome(IntEnum):
    """How a learner's tier changed at the week's end; the value is the step taken."""

    DEMOTED = -1
    STAYED = 0
    PROMOTED = 1


@dataclass(frozen=True, slots=True)
class LeagueRules:
    """Leagues of up to ``size`` learners in ``tiers`` tiers (0 is the bottom). The top
    ``promote`` of a league move up and the bottom ``demote`` move down; the top tier
    cannot promote, the bottom cannot demote, and nobody is promoted without points."""

    size: int = 30
    tiers: int = 5
    promote: int = 5
    demote: int = 5

    def __post_init__(self) -> None:
        if self.size < 2 or not 1 <= self.tiers <= MAX_TIERS:
            raise ValueError(f"leagues need 2+ learners and 1-{MAX_TIERS} tiers")
        if self.promote < 0 or self.demote < 0:
            raise ValueError("promote and demote cannot be negative")

    @property
    def top_tier(self) -> int:
        return self.tiers - 1

    def clamp(self, tier: int) -> int:
        """A tier within the ladder, should LEAGUE_TIERS have shrunk since it was earned."""
        return min(max(tier, 0), self.top_tier)

    def promotion_zone(self, tier: int, members: int) -> int:
        """Places 1..this move up."""
        return 0 if tier >= self.top_tier else min(self.promote, members)

    def demotion_zone(self, tier: int, members: int) -> int:
        """Places after this move down; equal to ``members`` when nobody does. The zones
        never overlap: a small league fills the promotion zone first."""
        if tier <= 0:
            return members
        return max(members - self.demote, self.promotion_zone(tier, members))

    def outcome(self, tier: int, place: int, members: int, score: int) -> Outcome:
        if place <= self.promotion_zone(tier, members):
            return Outcome.PROMOTED if score > 0 else Outcome.STAYED
        if place > self.demotion_zone(tier, members):
            return Outcome.DEMOTED
        return Outcome.STAYED

    def league_count(self, learners: int) -> int:
        return math.ceil(learners / self.size)

    def group(self, learners: Sequence[int]) -> list[list[int]]:
        """One tier's learners, strongest first, dealt round-robin into as few leagues as
        fit: leagues differ in size by one at most, and each gets a share of strong and
        weak learners rather than one league of the best."""
        count = self.league_count(len(learners))
        return [list(learners[league::count]) for league in range(count)]


DEFAULT_RULES = LeagueRules()


@dataclass(frozen=True, slots=True)
class Contender:
    """A league member as the week's ranking sees them."""

    user_id: int
    score: int


def places(contenders: Sequence[Contender]) -> list[Contender]:
    """Most points first; equal points go to the lower learner id (who joined earlier)."""
    return sorted(contenders, key=lambda member: (-member.score, member.user_id))


def league_week(now: datetime, timezone: str) -> date:
    """The Monday of ``now``'s week in ``timezone``: the key of that week's leagues."""
    return week_start(now, timezone).date()


def week_bounds(week: date, timezone: str) -> tuple[datetime, datetime]:
    """From Monday 00:00 to the next Monday 00:00 in ``timezone``."""
    tz = zone(timezone)
    return (
        datetime.combine(week, time(), tzinfo=tz),
        datetime.combine(week + ONE_WEEK, time(), tzinfo=tz),
    )


def weeks_to_close(last_closed: date | None, current: date) -> list[date]:
    """The ended weeks not closed yet, oldest first: each close forms the next week, so a
    rollover that missed weeks catches up one week at a time. With nothing ever closed,
    the week just ended is closed (it has no leagues) to form the first leagues."""
    first = current - ONE_WEEK if last_closed is None else last_closed + ONE_WEEK
    count = max(0, (current - first).days // 7)
    return [first + ONE_WEEK * n for n in range(count)]


def days_left(now: datetime, week: date, timezone: str) -> int:
    """Whole or part days until the week's end: 7 on Monday morning, 1 on Sunday."""
    end = week_bounds(week, timezone)[1]
    return max(0, math.ceil((end - now) / timedelta(days=1)))


@dataclass(frozen=True, slots=True)
class LeagueMember:
    user_id: int
    name: str
    score: int
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class LeagueRow:
    """A learner's line in the league view: their place counts every member."""

    place: int
    member: LeagueMember
    outcome: Outcome


@dataclass(frozen=True, slots=True)
class LeagueView:
    """The viewer's league this week: visible members (and the viewer) in order, with the
    zones, the viewer's place, and the days left. ``tier_name`` is the pack's, if any."""

    week: date
    tier: int
    tier_name: str | None
    rows: Sequence[LeagueRow]
    me: LeagueRow
    members: int
    promotion_zone: int
    demotion_zone: int
    days_left: int
    top_tier: bool


def league_view(
    viewer: int,
    week: date,
    tier: int,
    members: Sequence[LeagueMember],
    rules: LeagueRules,
    days: int,
    tier_name: str | None = None,
) -> LeagueView:
    """Places count every member, hidden ones too, so the zones are the week's true
    zones; a hidden member is left out of what others see, as on the board."""
    by_id = {member.user_id: member for member in members}
    ranked = places([Contender(member.user_id, member.score) for member in members])
    rows = [
        LeagueRow(place, by_id[c.user_id], rules.outcome(tier, place, len(ranked), c.score))
        for place, c in enumerate(ranked, start=1)
    ]
    seen = [row for row in rows if not row.member.hidden or row.member.user_id == viewer]
    me = next(row for row in rows if row.member.user_id == viewer)
    return LeagueView(
        week=week,
        tier=tier,
        tier_name=tier_name,
        rows=seen,
        me=me,
        members=len(rows),
        promotion_zone=rules.promotion_zone(tier, len(rows)),
        demotion_zone=rules.demotion_zone(tier, len(rows)),
        days_left=days,
        top_tier=tier >= rules.top_tier,
    )


@dataclass(frozen=True, slots=True)
class LeagueResult:
    """A closed week as one member is told it."""

    user_id: int
    telegram_id: int
    locale: str | None
    week: date
    tier: int
    place: int
    score: int
    outcome: Outcome
    tier_name: str | None = None
    new_tier_name: str | None = None

    @property
    def new_tier(self) -> int:
        return self.tier + self.outcome


@dataclass(frozen=True, slots=True)
class RolloverResult:
    """One rollover run: the weeks it closed, or ``None`` when another process held the
    lock; ``placed`` is how many learners the newest week's leagues hold."""

    closed: Sequence[date] | None
    placed: int = 0

    @property
    def skipped(self) -> bool:
        return self.closed is None
