"""Weekly leagues on every backend: the rollover agrees with the domain's rules, runs once
however often it is started, survives a crash half-way, and keeps hidden learners hidden."""

import asyncio
import contextlib
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.leagues import Contender, LeagueResult, LeagueRules, places, week_bounds
from domain.services import LeagueService, NewsReport
from infrastructure.db.engine import create_engine, create_session_factory
from infrastructure.db.models import (
    LeagueLadderRow,
    LeagueMemberRow,
    LeagueTierNameRow,
    ProgressRow,
    UserRow,
    table,
)
from infrastructure.db.repositories.catalogue_cache import CatalogueCache
from infrastructure.db.uow import SqlUnitOfWork
from infrastructure.settings import Settings
from tests.integration.conftest import UowFactory
from tests.integration.test_refresh_lock import SERVERS, CommitHook
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.use_cases import committed
from tests.unit.fakes import FakeNotifier

RULES = LeagueRules(size=4, tiers=3, promote=1, demote=1)
LAST_WEEK, THIS_WEEK, NEXT_WEEK = date(2026, 2, 23), date(2026, 3, 2), date(2026, 3, 9)
MONDAY = datetime(2026, 3, 2, 0, 5, tzinfo=UTC)
NEXT_MONDAY = MONDAY + timedelta(days=7)


async def learners(engine: AsyncEngine, count: int) -> list[int]:
    now = MONDAY
    stamps = {"created_at": now, "updated_at": now, "first_contact_at": now}
    rows = [{"telegram_id": 500 + n, "last_contact_at": now} | stamps for n in range(count)]
    async with engine.begin() as connection:
        await connection.execute(sa.insert(table(UserRow)), rows)
        query = sa.select(UserRow.id).where(UserRow.telegram_id >= 500).order_by(UserRow.id)
        return list((await connection.scalars(query)).all())


async def earn(engine: AsyncEngine, lesson: int, week: date, points: dict[int, int]) -> None:
    """Each learner completes ``lesson`` in ``week`` (on its Wednesday) for the points."""
    when = week_bounds(week, "UTC")[0] + timedelta(days=2)
    stamps = {"created_at": when, "updated_at": when, "completed_at": when}
    rows = [
        {"user_id": user, "lesson_id": lesson, "status": "COMPLETED", "score": score} | stamps
        for user, score in points.items()
        if score
    ]
    async with engine.begin() as connection:
        await connection.execute(sa.insert(table(ProgressRow)), rows)


async def rollover(uow_factory: UowFactory, now: datetime) -> Any:
    async with uow_factory() as uow:
        return await committed(LeagueService(uow, FixedClock(now), "UTC", RULES)).rollover()


async def members(engine: AsyncEngine, week: date) -> dict[int, tuple[Any, ...]]:
    rows = table(LeagueMemberRow).c
    query = sa.select(rows.user_id, rows.tier, rows.league, rows.place, rows.outcome)
    async with engine.connect() as connection:
        found = await connection.execute(query.where(rows.week == week))
        return {row[0]: tuple(row[1:]) for row in found}


async def ladder(engine: AsyncEngine) -> dict[int, int]:
    async with engine.connect() as connection:
        found = await connection.execute(sa.select(LeagueLadderRow.user_id, LeagueLadderRow.tier))
        return dict(found.all())


async def two_weeks(engine: AsyncEngine, uow_factory: UowFactory, course: Course) -> list[int]:
    """Nine learners active last week form this week's leagues; this week, some score."""
    ids = await learners(engine, 10)
    await earn(engine, course.first_lesson, LAST_WEEK, dict(zip(ids, range(1, 10), strict=False)))
    await rollover(uow_factory, MONDAY)
    this_week = {ids[n]: (n * 7) % 5 * 10 for n in range(9)}
    await earn(engine, course.reading, THIS_WEEK, this_week)
    return ids


async def test_the_first_rollover_deals_last_weeks_learners_into_leagues(
    engine: AsyncEngine, uow_factory: UowFactory, course: Course
) -> None:
    ids = await learners(engine, 10)
    points = dict(zip(ids, [5, 0, 7, 3, 9, 1, 4, 8, 2, 6], strict=True))
    await earn(engine, course.first_lesson, LAST_WEEK, points)

    result = await rollover(uow_factory, MONDAY)

    assert result.closed == [LAST_WEEK]
    assert result.placed == 9
    strongest = [c.user_id for c in places([Contender(u, p) for u, p in points.items() if p])]
    expected = {
        user: league for league, users in enumerate(RULES.group(strongest)) for user in users
    }
    found = await members(engine, THIS_WEEK)
    assert {user: row[1] for user, row in found.items()} == expected
    assert {row[0] for row in found.values()} == {0}


async def test_a_weeks_end_moves_members_as_the_domains_rules_say(
    engine: AsyncEngine, uow_factory: UowFactory, course: Course
) -> None:
    ids = await two_weeks(engine, uow_factory, course)
    async with engine.begin() as connection:
        await connection.execute(
            sa.update(table(LeagueMemberRow))
            .where(LeagueMemberRow.user_id == ids[0])
            .values(tier=1)
        )
    before = await members(engine, THIS_WEEK)

    result = await rollover(uow_factory, NEXT_MONDAY)

    assert result.closed == [THIS_WEEK]
    after = await members(engine, THIS_WEEK)
    scores = {ids[n]: (n * 7) % 5 * 10 for n in range(9)}
    for tier, league in {row[:2] for row in before.values()}:
        group = [Contender(u, scores[u]) for u, row in before.items() if row[:2] == (tier, league)]
        for place, contender in enumerate(places(group), start=1):
            outcome = RULES.outcome(tier, place, len(group), contender.score)
            assert after[contender.user_id][2:] == (place, outcome)
    moved = await ladder(engine)
    assert moved == {
        user: row[0] + after[user][3] for user, row in before.items() if after[user][3]
    }
    formed = await members(engine, NEXT_WEEK)
    assert set(formed) == {user for user, score in scores.items() if score}
    assert all(row[0] == moved.get(user, 0) for user, row in formed.items())


async def test_a_rollover_run_again_or_after_a_crash_moves_nobody_twice(
    engine: AsyncEngine, uow_factory: UowFactory, course: Course
) -> None:
    await two_weeks(engine, uow_factory, course)
    start, end = week_bounds(THIS_WEEK, "UTC")
    async with uow_factory() as uow:
        await uow.leagues.close(THIS_WEEK, (start, end), RULES, NEXT_MONDAY)
        # the process dies here: the unit of work ends without a commit

    first = await rollover(uow_factory, NEXT_MONDAY)
    moved = await ladder(engine)
    again = await rollover(uow_factory, NEXT_MONDAY + timedelta(hours=1))

    assert first.closed == [THIS_WEEK]
    assert again.closed == []
    assert await ladder(engine) == moved
    assert sorted(moved.values()).count(1) == 3


@SERVERS
async def test_two_replicas_racing_close_the_week_once(
    engine: AsyncEngine, uow_factory: UowFactory, course: Course
) -> None:
    """The first holds the lock until the second has returned, so they truly overlap."""
    await two_weeks(engine, uow_factory, course)
    other = create_engine(Settings(database_url=engine.url.render_as_string(False)))
    holding, released = asyncio.Event(), asyncio.Event()

    async def hold_until_the_other_is_done() -> None:
        holding.set()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(5):
                await released.wait()

    async def first() -> Any:
        async with uow_factory() as uow:
            hooked = CommitHook(uow, hold_until_the_other_is_done)
            return await committed(
                LeagueService(hooked, FixedClock(NEXT_MONDAY), "UTC", RULES)
            ).rollover()

    async def second() -> Any:
        await holding.wait()
        try:
            sessions = create_session_factory(other)
            async with SqlUnitOfWork(sessions, CatalogueCache()) as uow:
                return await committed(
                    LeagueService(uow, FixedClock(NEXT_MONDAY), "UTC", RULES)
                ).rollover()
        finally:
            released.set()

    try:
        one, two = await asyncio.gather(first(), second())
    finally:
        await other.dispose()

    assert one.closed == [THIS_WEEK]
    assert two.skipped
    assert (await rollover(uow_factory, NEXT_MONDAY)).closed == []


async def three_in_a_league(
    engine: AsyncEngine, uow_factory: UowFactory, course: Course
) -> list[int]:
    ids = await learners(engine, 3)
    await earn(engine, course.first_lesson, LAST_WEEK, {ids[0]: 5, ids[1]: 6, ids[2]: 7})
    await rollover(uow_factory, MONDAY)
    return ids


async def test_a_hidden_member_is_left_out_of_what_others_see_but_still_competes(
    engine: AsyncEngine, uow_factory: UowFactory, course: Course
) -> None:
    ids = await three_in_a_league(engine, uow_factory, course)
    async with engine.begin() as connection:
        hide = sa.update(table(UserRow)).where(UserRow.id == ids[2])
        await connection.execute(hide.values(hide_from_board=True))
        named = sa.insert(table(LeagueTierNameRow)).values(tier=0, name="Pebble")
        await connection.execute(named)

    async with uow_factory() as uow:
        service = committed(LeagueService(uow, FixedClock(MONDAY), "UTC", RULES))
        seen_by_first, seen_by_hidden = await service.view(ids[0]), await service.view(ids[2])
        nobody = await service.view(999_999)

    assert seen_by_first is not None
    assert seen_by_hidden is not None
    assert nobody is None
    assert [row.member.user_id for row in seen_by_first.rows] == [ids[0], ids[1]]
    assert seen_by_first.members == 3
    assert ids[2] in [row.member.user_id for row in seen_by_hidden.rows]
    assert (seen_by_first.tier_name, seen_by_first.days_left) == ("Pebble", 7)


def told(result: LeagueResult) -> str:
    return f"{result.outcome.name} {result.place} {result.score} {result.new_tier}"


async def test_each_member_is_told_the_result_once_and_one_who_blocked_is_deactivated(
    engine: AsyncEngine, uow_factory: UowFactory, course: Course
) -> None:
    ids = await three_in_a_league(engine, uow_factory, course)
    await earn(engine, course.reading, THIS_WEEK, {ids[0]: 9, ids[1]: 4})
    await rollover(uow_factory, NEXT_MONDAY)
    notifier = FakeNotifier(blocked=frozenset({502}))

    async with uow_factory() as uow:
        service = committed(LeagueService(uow, FixedClock(NEXT_MONDAY), "UTC", RULES))
        first = await service.tell_results(notifier, told)
        again = await service.tell_results(notifier, told)
        blocked = await uow.learners.get(ids[2])

    assert first == NewsReport(sent=2, blocked=1)
    assert again == NewsReport()
    assert notifier.sent == [(500, "PROMOTED 1 9 1"), (501, "STAYED 2 4 0")]
    assert blocked is not None
    assert not blocked.is_active
