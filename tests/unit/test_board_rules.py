"""The weekly board's start, ranks among visible learners, skipped ticks, full refreshes
and hiding."""

from datetime import UTC, datetime

from domain.leaderboard import BoardKind, RefreshResult, visible_ranks, week_start
from domain.learners import TelegramProfile
from domain.services import LeaderboardService, LearnerService
from tests.support.use_cases import committed

from .fakes import FakeClock, FakeUnitOfWork


def test_the_week_starts_on_monday_midnight_in_the_zone() -> None:
    sunday_night_utc = datetime(2026, 3, 1, 20, tzinfo=UTC)

    assert week_start(sunday_night_utc, "UTC") == datetime(2026, 2, 23, tzinfo=UTC)
    assert week_start(sunday_night_utc, "Asia/Tokyo") == datetime(2026, 3, 1, 15, tzinfo=UTC)
    assert week_start(sunday_night_utc, "America/New_York") == datetime(2026, 2, 23, 5, tzinfo=UTC)


def test_hidden_learners_leave_no_gap_and_keep_the_rank_they_would_have() -> None:
    scores = {1: 50, 2: 40, 3: 40, 4: 30, 5: 10}

    assert visible_ranks(scores, hidden={2}) == {1: 1, 2: 2, 3: 2, 4: 3, 5: 4}
    assert visible_ranks(scores, hidden=set()) == {1: 1, 2: 2, 3: 2, 4: 4, 5: 5}


async def test_a_tick_is_skipped_when_another_process_holds_the_lock(
    uow: FakeUnitOfWork, clock: FakeClock
) -> None:
    await committed(LearnerService(uow, clock)).register(TelegramProfile(1, "ada"))
    uow.refresh_lock.held_elsewhere = True

    result = await committed(LeaderboardService(uow, clock)).refresh()

    assert (result, result.skipped, uow.saved.board) == (RefreshResult(None), True, {})


async def test_a_tick_recounts_the_marked_totals_and_never_waits(
    uow: FakeUnitOfWork, clock: FakeClock
) -> None:
    await committed(LearnerService(uow, clock)).register(TelegramProfile(1, "ada"))

    assert await committed(LeaderboardService(uow, clock)).refresh() == RefreshResult(ranked=1)

    assert (uow.leaderboard_refresher.recounts, uow.refresh_lock.waits) == ([False], [0])


async def test_a_full_refresh_recounts_everyone_and_waits_for_a_refresh_in_progress(
    uow: FakeUnitOfWork, clock: FakeClock
) -> None:
    await committed(LearnerService(uow, clock)).register(TelegramProfile(1, "ada"))

    result = await committed(LeaderboardService(uow, clock)).refresh_fully(wait_seconds=90)

    assert (result, uow.leaderboard_refresher.recounts) == (RefreshResult(ranked=1), [True])
    assert (uow.refresh_lock.waits, list(uow.saved.board)) == ([90], [1])


async def test_a_full_refresh_still_locked_out_after_waiting_changes_nothing(
    uow: FakeUnitOfWork, clock: FakeClock
) -> None:
    await committed(LearnerService(uow, clock)).register(TelegramProfile(1, "ada"))
    uow.refresh_lock.held_elsewhere = True

    result = await committed(LeaderboardService(uow, clock)).refresh_fully(wait_seconds=90)

    assert (result.skipped, uow.leaderboard_refresher.recounts, uow.saved.board) == (True, [], {})


async def test_a_scheduled_full_refresh_claimed_by_another_replica_is_skipped(
    uow: FakeUnitOfWork, clock: FakeClock
) -> None:
    await committed(LearnerService(uow, clock)).register(TelegramProfile(1, "ada"))
    service = committed(LeaderboardService(uow, clock))
    uow.full_refresh_claim.held_elsewhere = True

    assert (await service.refresh_fully_on_schedule(wait_seconds=90)).skipped
    assert (uow.full_refresh_claim.waits, uow.refresh_lock.waits) == ([0], [])

    uow.full_refresh_claim.held_elsewhere = False
    assert await service.refresh_fully_on_schedule(90) == RefreshResult(ranked=1)
    assert (uow.leaderboard_refresher.recounts, uow.refresh_lock.waits) == ([True], [90])


async def test_hiding_is_committed_and_others_stop_seeing_the_learner(
    uow: FakeUnitOfWork, clock: FakeClock
) -> None:
    learners = committed(LearnerService(uow, clock))
    ada = await learners.register(TelegramProfile(1, "ada"))
    bob = await learners.register(TelegramProfile(2, "bob"))
    service = committed(LeaderboardService(uow, clock))

    assert await service.set_hidden(ada.id, True)
    await service.refresh()

    assert uow.saved.hidden == {ada.id}
    assert [e.user_id for e in (await service.board(bob.id, BoardKind.WEEK)).top] == [bob.id]
    mine = await service.board(ada.id, BoardKind.WEEK)
    assert [e.user_id for e in mine.top] == [ada.id, bob.id]
    assert mine.me is not None
    assert mine.me.place(BoardKind.WEEK) == 1
