"""The league tables: the learner's league this week, the news of a closed week, and the
rollover (``league_rollover.py``)."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from domain.leagues import LeagueMember, LeagueResult, Outcome
from domain.learners import display_name
from infrastructure.db.models import (
    LeaderboardRow,
    LeagueLadderRow,
    LeagueMemberRow,
    LeagueTierNameRow,
    UserRow,
    table,
)
from infrastructure.db.repositories.league_rollover import SqlLeagueRollover
from infrastructure.db.upsert import affected

_MEMBERS, _NAMES = table(LeagueMemberRow), table(LeagueTierNameRow)


@dataclass(frozen=True, slots=True)
class SqlLeagueTable:
    tier: int
    tier_name: str | None
    members: list[LeagueMember] = field(default_factory=list)


def league_statement() -> sa.Select[Any]:
    """The viewer's league this week, every member with their points this week as the
    board last counted them: one join from the viewer's row along the league's index."""
    me = _MEMBERS.alias("me")
    cache = table(LeaderboardRow)
    return (
        sa.select(
            _MEMBERS.c.user_id,
            UserRow.username,
            UserRow.first_name,
            UserRow.last_name,
            UserRow.telegram_id,
            UserRow.hide_from_board,
            sa.func.coalesce(cache.c.weekly_score, 0).label("score"),
            me.c.tier,
            _NAMES.c.name.label("tier_name"),
        )
        .select_from(me)
        .join(
            _MEMBERS,
            sa.and_(
                _MEMBERS.c.week == me.c.week,
                _MEMBERS.c.tier == me.c.tier,
                _MEMBERS.c.league == me.c.league,
            ),
        )
        .join(UserRow, UserRow.id == _MEMBERS.c.user_id)
        .outerjoin(cache, cache.c.user_id == _MEMBERS.c.user_id)
        .outerjoin(_NAMES, _NAMES.c.tier == me.c.tier)
        .where(me.c.week == sa.bindparam("week"), me.c.user_id == sa.bindparam("viewer"))
    )


_LEAGUE = league_statement()


class SqlLeagues(SqlLeagueRollover):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session)
        self._session = session

    async def league_of(self, user_id: int, week: date) -> SqlLeagueTable | None:
        rows = (await self._session.execute(_LEAGUE, {"week": week, "viewer": user_id})).all()
        if not rows:
            return None
        members = [
            LeagueMember(
                row.user_id,
                display_name(row.username, row.first_name, row.last_name, row.telegram_id),
                row.score,
                row.hide_from_board,
            )
            for row in rows
        ]
        return SqlLeagueTable(rows[0].tier, rows[0].tier_name, members)

    async def untold(self, week: date, after: int, limit: int) -> list[LeagueResult]:
        now_named, next_named = aliased(LeagueTierNameRow), aliased(LeagueTierNameRow)
        members = _MEMBERS.c
        statement = (
            sa.select(
                members.user_id,
                UserRow.telegram_id,
                sa.func.coalesce(UserRow.locale, UserRow.language_code),
                members.tier,
                members.place,
                members.score,
                members.outcome,
                now_named.name,
                next_named.name,
            )
            .join(UserRow, UserRow.id == members.user_id)
            .outerjoin(now_named, now_named.tier == members.tier)
            .outerjoin(next_named, next_named.tier == members.tier + members.outcome)
            .where(
                members.week == week,
                members.user_id > after,
                sa.not_(members.told),
                members.outcome.is_not(None),
                UserRow.is_active,
            )
            .order_by(members.user_id)
            .limit(limit)
        )
        return [
            LeagueResult(
                user_id=row[0],
                telegram_id=row[1],
                locale=row[2],
                week=week,
                tier=row[3],
                place=row[4],
                score=row[5],
                outcome=Outcome(row[6]),
                tier_name=row[7],
                new_tier_name=row[8],
            )
            for row in await self._session.execute(statement)
        ]

    async def claim_told(self, user_id: int, week: date) -> bool:
        members = _MEMBERS.c
        statement = (
            sa.update(_MEMBERS)
            .where(members.week == week, members.user_id == user_id, sa.not_(members.told))
            .values(told=True)
        )
        return bool(affected(await self._session.execute(statement)))

    async def tier_of(self, user_id: int) -> int:
        query = sa.select(LeagueLadderRow.tier).where(LeagueLadderRow.user_id == user_id)
        return await self._session.scalar(query) or 0
