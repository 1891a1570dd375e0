"""Weekly leagues: zones, promotion and demotion, grouping, the rollover and its news."""

from datetime import UTC, date, datetime
from typing import Any

import pytest

from domain.leagues import (
    LeagueMember,
    LeagueResult,
    LeagueRules,
    Outcome,
    days_left,
    league_view,
    weeks_to_close,
)
from domain.services import LeagueService, NewsReport
from tests.support.use_cases import committed

from .conftest import MakeLearner
from .fakes import FakeClock, FakeNotifier, FakeUnitOfWork

RULES = LeagueRules(size=4, tiers=3, promote=1, demote=1)
LAST_MONDAY, MONDAY, NEXT_MONDAY = date(2025, 3, 3), date(2025, 3, 10), date(2025, 3, 17)
AFTER_MONDAY = datetime(2025, 3, 10, 0, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("tier", "places"),
    [
        (0, ["up", "stay", "stay", "stay"]),
        (1, ["up", "stay", "stay", "down"]),
        (2, ["stay", "stay", "stay", "down"]),
    ],
)
def test_the_top_tier_cannot_promote_and_the_bottom_cannot_demote(
    tier: int, places: list[str]
) -> None:
    words = {Outcome.PROMOTED: "up", Outcome.STAYED: "stay", Outcome.DEMOTED: "down"}
    assert [words[RULES.outcome(tier, place, 4, 10)] for place in range(1, 5)] == places


def test_zones_never_overlap_in_a_small_league_and_points_are_needed_to_move_up() -> None:
    rules = LeagueRules(size=30, tiers=3, promote=3, demote=3)
    assert (rules.promotion_zone(1, 4), rules.demotion_zone(1, 4)) == (3, 3)
    assert [rules.outcome(1, place, 4, 5) for place in range(1, 5)] == [1, 1, 1, -1]
    assert rules.outcome(1, 1, 4, 0) is Outcome.STAYED


@pytest.mark.parametrize("bad", [{"size": 1}, {"tiers": 0}, {"tiers": 21}, {"promote": -1}])
def test_rules_refuse_impossible_leagues(bad: dict[str, int]) -> None:
    with pytest.raises(ValueError, match=r"leagues need|cannot be negative"):
        LeagueRules(**bad)


@pytest.mark.parametrize(("learners", "sizes"), [(4, [4]), (5, [3, 2]), (9, [3, 3, 3]), (0, [])])
def test_learners_are_dealt_into_as_few_leagues_as_fit_with_sizes_a_learner_apart(
    learners: int, sizes: list[int]
) -> None:
    leagues = RULES.group(list(range(1, learners + 1)))
    assert [len(league) for league in leagues] == sizes
    assert sorted(user for league in leagues for user in league) == list(range(1, learners + 1))
    if len(leagues) > 1:
        assert [league[0] for league in leagues] == list(range(1, len(leagues) + 1))


def test_weeks_to_close_catch_up_one_week_at_a_time() -> None:
    assert weeks_to_close(None, MONDAY) == [LAST_MONDAY]
    assert weeks_to_close(LAST_MONDAY, MONDAY) == []
    assert weeks_to_close(date(2025, 2, 24), NEXT_MONDAY) == [LAST_MONDAY, MONDAY]


def test_days_left_count_the_part_day_in_the_league_zone() -> None:
    assert days_left(AFTER_MONDAY, MONDAY, "UTC") == 7
    assert days_left(datetime(2025, 3, 16, 23, 0, tzinfo=UTC), MONDAY, "UTC") == 1
    assert days_left(datetime(2025, 3, 16, 23, 0, tzinfo=UTC), MONDAY, "Asia/Tokyo") == 0


def test_others_do_not_see_a_hidden_member_yet_the_places_count_them() -> None:
    members = [
        LeagueMember(1, "ann", 30),
        LeagueMember(2, "bob", 50, hidden=True),
        LeagueMember(3, "cy", 10),
        LeagueMember(4, "di", 0),
    ]
    seen_by_ann = league_view(1, MONDAY, 1, members, RULES, 3)
    seen_by_bob = league_view(2, MONDAY, 1, members, RULES, 3)

    assert [(row.place, row.member.name) for row in seen_by_ann.rows] == [
        (2, "ann"),
        (3, "cy"),
        (4, "di"),
    ]
    assert seen_by_ann.me.place == 2
    assert seen_by_ann.me.outcome is Outcome.STAYED
    assert seen_by_bob.me.outcome is Outcome.PROMOTED
    assert seen_by_ann.rows[-1].outcome is Outcome.DEMOTED
    assert (seen_by_ann.promotion_zone, seen_by_ann.demotion_zone) == (1, 3)


def service(uow: FakeUnitOfWork, clock: FakeClock) -> LeagueService:
    return committed(LeagueService(uow, clock, "UTC", RULES))


async def learners_with_points(
    uow: FakeUnitOfWork, make_learner: MakeLearner, week: date, points: list[int]
) -> list[int]:
    ids = [(await make_learner(1000 + n)).id for n in range(len(points))]
    uow.working.week_points |= {(i, week): p for i, p in zip(ids, points, strict=True) if p}
    await uow.commit()
    return ids


async def test_the_first_rollover_forms_leagues_from_last_weeks_active_learners(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    ids = await learners_with_points(uow, make_learner, LAST_MONDAY, [5, 0, 7, 3, 9, 1])
    clock.set(AFTER_MONDAY)

    result = await service(uow, clock).rollover()

    assert result.closed == [LAST_MONDAY]
    assert result.placed == 5
    members = uow.saved.league_members
    assert {user for week, user in members if week == MONDAY} == set(ids) - {ids[1]}
    assert sorted(m.league for m in members.values()) == [0, 0, 0, 1, 1]
    assert {m.tier for m in members.values()} == {0}


async def test_a_weeks_end_moves_the_top_up_and_the_bottom_down_once(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    ids = await learners_with_points(uow, make_learner, LAST_MONDAY, [5, 6, 7, 8])
    clock.set(AFTER_MONDAY)
    await service(uow, clock).rollover()
    uow.working.week_points |= {(ids[0], MONDAY): 40, (ids[1], MONDAY): 20}
    await uow.commit()
    clock.set(datetime(2025, 3, 17, 0, 5, tzinfo=UTC))

    first = await service(uow, clock).rollover()
    again = await service(uow, clock).rollover()

    assert first.closed == [MONDAY]
    assert again.closed == []
    assert uow.saved.league_ladder == {ids[0]: 1}
    assert {user for week, user in uow.saved.league_members if week == NEXT_MONDAY} == {
        ids[0],
        ids[1],
    }
    assert uow.saved.league_members[(NEXT_MONDAY, ids[0])].tier == 1


async def test_a_rollover_that_crashes_half_way_leaves_nothing_and_runs_again(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    ids = await learners_with_points(uow, make_learner, LAST_MONDAY, [5, 6])
    clock.set(AFTER_MONDAY)
    await service(uow, clock).rollover()
    uow.working.week_points[(ids[0], MONDAY)] = 8
    await uow.commit()
    clock.set(datetime(2025, 3, 24, 0, 5, tzinfo=UTC))
    close, calls = uow.leagues.close, []

    async def crash_on_the_second_week(*args: Any) -> int:
        calls.append(args[0])
        if len(calls) == 2:
            raise ConnectionError("the database went away")
        return await close(*args)

    uow.leagues.close = crash_on_the_second_week  # type: ignore[method-assign]
    with pytest.raises(ConnectionError):
        async with uow:
            await service(uow, clock).rollover()
    assert uow.saved.league_closed == {LAST_MONDAY}
    uow.leagues.close = close  # type: ignore[method-assign]

    result = await service(uow, clock).rollover()

    assert result.closed == [MONDAY, NEXT_MONDAY]
    assert uow.saved.league_ladder == {ids[0]: 1}
    assert uow.saved.league_members[(NEXT_MONDAY, ids[0])].tier == 1


async def test_a_rollover_skips_while_another_process_holds_the_lock(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    await learners_with_points(uow, make_learner, LAST_MONDAY, [5])
    uow.league_lock.held_elsewhere = True
    clock.set(AFTER_MONDAY)

    assert (await service(uow, clock).rollover()).skipped
    assert uow.saved.league_members == {}


def told(result: LeagueResult) -> str:
    return f"{result.outcome.name} {result.place} {result.score}"


async def test_each_learner_hears_the_weeks_result_once_and_a_blocked_one_is_deactivated(
    uow: FakeUnitOfWork, clock: FakeClock, make_learner: MakeLearner
) -> None:
    ids = await learners_with_points(uow, make_learner, LAST_MONDAY, [5, 6, 7])
    clock.set(AFTER_MONDAY)
    await service(uow, clock).rollover()
    uow.working.week_points |= {(ids[0], MONDAY): 9, (ids[1], MONDAY): 4, (ids[2], MONDAY): 1}
    await uow.commit()
    clock.set(datetime(2025, 3, 17, 0, 5, tzinfo=UTC))
    await service(uow, clock).rollover()
    notifier = FakeNotifier(blocked=frozenset({1002}))

    first = await service(uow, clock).tell_results(notifier, told)
    again = await service(uow, clock).tell_results(notifier, told)

    assert first == NewsReport(sent=2, blocked=1)
    assert again == NewsReport()
    assert notifier.sent == [(1000, "PROMOTED 1 9"), (1001, "STAYED 2 4")]
    assert not uow.saved.learners[ids[2]].is_active
