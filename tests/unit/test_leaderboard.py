"""The leaderboard: competition ranks, and a learner's view of the cached board."""

from domain.leaderboard import BoardTotals, LeaderboardEntry, RefreshResult, competition_ranks
from domain.learners import TelegramProfile
from domain.services import LeaderboardService, LearnerService, ProgressService
from tests.support.use_cases import committed

from .conftest import START
from .course import FOR_LOOPS, LOOP_QUIZ, READING, RIGHT
from .fakes import FakeClock, FakeUnitOfWork


def test_ties_share_a_rank_and_the_next_rank_skips() -> None:
    scores = {4: 10, 1: 30, 3: 20, 2: 20}
    standings = [BoardTotals(user_id, score, 0, 0) for user_id, score in scores.items()]

    ranked = competition_ranks(standings)

    assert [(standing.user_id, rank) for standing, rank in ranked] == [
        (1, 1),
        (2, 2),
        (3, 2),
        (4, 4),
    ]


def test_no_standings_no_ranks() -> None:
    assert competition_ranks([]) == []


async def test_refresh_ranks_active_learners_by_total_score(
    uow: FakeUnitOfWork, clock: FakeClock
) -> None:
    learners = committed(LearnerService(uow, clock))
    progress = committed(ProgressService(uow, clock, "UTC"))
    reader, looper, quitter, idler = [
        await learners.register(TelegramProfile(telegram_id, name))
        for telegram_id, name in [(1, "reader"), (2, "looper"), (3, "quitter"), (4, None)]
    ]
    await progress.finish_reading(reader, READING)
    await progress.start_lesson(looper, FOR_LOOPS)
    await progress.answer(looper, LOOP_QUIZ, RIGHT[LOOP_QUIZ])
    await progress.start_lesson(quitter, FOR_LOOPS)
    await progress.answer(quitter, LOOP_QUIZ, RIGHT[LOOP_QUIZ])
    await learners.deactivate(quitter.id)
    now = clock.advance(minutes=5)

    assert await committed(LeaderboardService(uow, clock)).refresh() == RefreshResult(ranked=3)

    board = sorted(uow.saved.board.values(), key=lambda entry: entry.rank)
    assert [(e.name, e.rank, e.total_score, e.lessons_completed) for e in board] == [
        ("looper", 1, 4 + 5, 1),
        ("reader", 2, 0 + 5, 1),
        ("User4", 3, 0, 0),
    ]
    assert {entry.updated_at for entry in board} == {now}
    assert idler.id in uow.saved.board


def entry(user_id: int, rank: int, score: int) -> LeaderboardEntry:
    return LeaderboardEntry(user_id, rank, score, 0, 0, f"learner {user_id}", START)


async def seed_board(uow: FakeUnitOfWork, *entries: LeaderboardEntry) -> None:
    uow.working.board = {item.user_id: item for item in entries}
    await uow.commit()


async def test_board_shows_the_top_me_and_my_neighbours(
    uow: FakeUnitOfWork, clock: FakeClock
) -> None:
    places = [(1, 90), (2, 80), (3, 70), (3, 70), (5, 50), (6, 40), (7, 30)]
    entries = [entry(user_id, rank, score) for user_id, (rank, score) in enumerate(places, 1)]
    await seed_board(uow, *reversed(entries))

    board = await committed(LeaderboardService(uow, clock)).board(5, top=2, around=2)

    assert board.top == entries[:2]
    assert board.me == entries[4]
    assert board.around_me == [entries[2], entries[3], entries[5], entries[6]]


async def test_board_near_the_top_has_fewer_neighbours_above(
    uow: FakeUnitOfWork, clock: FakeClock
) -> None:
    entries = [entry(1, 1, 30), entry(2, 2, 20), entry(3, 3, 10)]
    await seed_board(uow, *entries)

    board = await committed(LeaderboardService(uow, clock)).board(1, top=10, around=1)

    assert (board.top, board.me, board.around_me) == (entries, entries[0], [entries[1]])


async def test_a_learner_off_the_board_sees_only_the_top(
    uow: FakeUnitOfWork, clock: FakeClock
) -> None:
    await seed_board(uow, entry(1, 1, 30))

    board = await committed(LeaderboardService(uow, clock)).board(99)

    assert (board.top, board.me, board.around_me) == ([entry(1, 1, 30)], None, [])
