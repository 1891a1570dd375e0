"""A week's close in SQL: rank every league, move the members, form the next leagues.

Set-based: a handful of statements whatever the number of learners, each a scan or a
join over the week's rows, in the caller's transaction. The week's points are counted
from the learners' own rows within the week's bounds, not read from the board, so a
rollover run late (or again after a crash) counts the same points.
"""

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.enums import ProgressStatus
from domain.leagues import ONE_WEEK, LeagueRules
from infrastructure.db.models import (
    AchievementRow,
    EarnedRow,
    LeagueLadderRow,
    LeagueMemberRow,
    LeagueWeekRow,
    ProgressRow,
    UserRow,
    table,
)
from infrastructure.db.repositories.scratch import scratch, temporary_table
from infrastructure.db.upsert import upsert

MEMBERS, LADDER = table(LeagueMemberRow), table(LeagueLadderRow)
POINTS = temporary_table(
    "league_points",
    sa.Column("user_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("score", sa.Integer, nullable=False),
)
"""Every learner's points within the closing week."""
CLOSING = temporary_table(
    "league_closing",
    sa.Column("user_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("score", sa.Integer, nullable=False),
    sa.Column("place", sa.Integer, nullable=False),
    sa.Column("outcome", sa.Integer, nullable=False),
    sa.Column("next_tier", sa.Integer, nullable=False),
)
"""The closing week's members with their place and move."""


class SqlLeagueRollover:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def last_closed(self) -> date | None:
        return await self._session.scalar(sa.select(sa.func.max(LeagueWeekRow.week)))

    async def close(
        self, week: date, bounds: tuple[datetime, datetime], rules: LeagueRules, now: datetime
    ) -> int:
        async with scratch(self._session, POINTS):
            await self._session.execute(
                sa.insert(POINTS).from_select(["user_id", "score"], _points(*bounds))
            )
            await self._analyze(POINTS)
            async with scratch(self._session, CLOSING):
                columns = list(CLOSING.c.keys())
                await self._session.execute(
                    sa.insert(CLOSING).from_select(columns, _closing(week, rules))
                )
                await self._analyze(CLOSING)
                await self._move(week)
            placed = await self._form(week + ONE_WEEK, rules)
        marker = {"week": week, "closed_at": now, "placed": placed}
        await self._session.execute(sa.insert(table(LeagueWeekRow)).values(marker))
        return placed

    async def _analyze(self, scratch_table: sa.Table) -> None:
        """PostgreSQL keeps no statistics of a temporary table until told to, and plans
        the joins with it as if it held a few rows."""
        if self._session.get_bind().dialect.name == "postgresql":
            await self._session.execute(sa.text(f"ANALYZE {scratch_table.name}"))

    async def _move(self, week: date) -> None:
        """Each member's place and move on their row, and the next tier of those who move
        on the ladder (one who stays keeps their row, or its absence: the bottom tier)."""
        closing = CLOSING.c
        await self._session.execute(
            sa.update(MEMBERS)
            .where(MEMBERS.c.week == week, MEMBERS.c.user_id == closing.user_id)
            .values(score=closing.score, place=closing.place, outcome=closing.outcome)
        )
        dialect = self._session.get_bind().dialect.name
        moved = closing.outcome != 0
        next_tiers = sa.select(closing.user_id, closing.next_tier.label("tier")).where(moved)
        await self._session.execute(
            upsert(dialect, LADDER, next_tiers, lambda new: {"tier": new.tier})
        )

    async def _form(self, week: date, rules: LeagueRules) -> int:
        """The active learners with points in the week just closed, by next tier, dealt
        round-robin (strongest first) into as few leagues of up to ``rules.size`` as fit."""
        numbered = _numbered(rules).subquery()
        leagues = (numbered.c.count + rules.size - 1) // rules.size
        rows = sa.select(
            sa.literal(week, sa.Date()).label("week"),
            numbered.c.user_id,
            numbered.c.tier,
            (numbered.c.position % leagues).label("league"),
        )
        columns = ["week", "user_id", "tier", "league"]
        await self._session.execute(sa.insert(MEMBERS).from_select(columns, rows))
        count = sa.select(sa.func.count()).select_from(MEMBERS).where(MEMBERS.c.week == week)
        return int(await self._session.scalar(count) or 0)


def _points(start: datetime, end: datetime) -> sa.Select[Any]:
    """Lessons first completed and achievements earned in [start, end), as the weekly
    board counts them, summed per learner."""
    lessons = sa.select(
        ProgressRow.user_id.label("user_id"), sa.func.coalesce(ProgressRow.score, 0).label("p")
    ).where(
        ProgressRow.status == ProgressStatus.COMPLETED,
        ProgressRow.completed_at >= start,
        ProgressRow.completed_at < end,
    )
    earned = (
        sa.select(EarnedRow.user_id.label("user_id"), AchievementRow.points.label("p"))
        .join(AchievementRow, AchievementRow.id == EarnedRow.achievement_id)
        .where(EarnedRow.earned_at >= start, EarnedRow.earned_at < end)
    )
    both = sa.union_all(lessons, earned).subquery()
    score = sa.cast(sa.func.sum(both.c.p), sa.Integer)
    return sa.select(both.c.user_id, score).group_by(both.c.user_id)


def _closing(week: date, rules: LeagueRules) -> sa.Select[Any]:
    """``LeagueRules.outcome`` in SQL: places by points, then the lower user id."""
    score = sa.func.coalesce(POINTS.c.score, 0)
    league = (MEMBERS.c.tier, MEMBERS.c.league)
    ranked = (
        sa.select(
            MEMBERS.c.user_id,
            MEMBERS.c.tier,
            score.label("score"),
            sa.func.row_number()
            .over(partition_by=league, order_by=(score.desc(), MEMBERS.c.user_id))
            .label("place"),
            sa.func.count().over(partition_by=league).label("size"),
        )
        .outerjoin(POINTS, POINTS.c.user_id == MEMBERS.c.user_id)
        .where(MEMBERS.c.week == week)
        .subquery()
    )
    below_top, above_bottom = ranked.c.tier < rules.top_tier, ranked.c.tier > 0
    promoted = sa.and_(below_top, ranked.c.place <= rules.promote, ranked.c.score > 0)
    demoted = sa.and_(
        above_bottom,
        ranked.c.place > ranked.c.size - rules.demote,
        sa.or_(sa.not_(below_top), ranked.c.place > rules.promote),
    )
    outcome = sa.case((promoted, 1), (demoted, -1), else_=0)
    return sa.select(
        ranked.c.user_id,
        ranked.c.score,
        ranked.c.place,
        outcome.label("outcome"),
        (ranked.c.tier + outcome).label("next_tier"),
    )


def _numbered(rules: LeagueRules) -> sa.Select[Any]:
    """The next week's learners with their tier (clamped to the ladder), their position
    in it (0, strongest first) and the tier's head count."""
    ladder = sa.func.coalesce(LADDER.c.tier, 0)
    tier = sa.case((ladder > rules.top_tier, rules.top_tier), (ladder < 0, 0), else_=ladder)
    learners = (
        sa.select(POINTS.c.user_id, POINTS.c.score, tier.label("tier"))
        .join(UserRow, UserRow.id == POINTS.c.user_id)
        .outerjoin(LADDER, LADDER.c.user_id == POINTS.c.user_id)
        .where(POINTS.c.score > 0, UserRow.is_active)
        .subquery()
    )
    order = (learners.c.score.desc(), learners.c.user_id)
    position = sa.func.row_number().over(partition_by=learners.c.tier, order_by=order) - 1
    return sa.select(
        learners.c.user_id,
        learners.c.tier,
        position.label("position"),
        sa.func.count().over(partition_by=learners.c.tier).label("count"),
    )
