"""The FSRS adapter: ratings order the intervals, forgetting shortens them, and the
state round-trips through the domain's card (as the database stores it)."""

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from domain.review import CardState, Rating, ReviewCard
from infrastructure.review import FsrsScheduler

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def review(card: ReviewCard, rating: Rating, now: datetime) -> ReviewCard:
    return card.reviewed(FsrsScheduler(fuzz=False).schedule(card, rating, now), rating, now)


def test_better_ratings_wait_longer() -> None:
    card = ReviewCard.new(1, 7, NOW)
    dues = [review(card, rating, NOW).due for rating in Rating]

    assert dues == sorted(dues)
    assert dues[0] - NOW <= timedelta(minutes=10)
    assert dues[-1] - NOW >= timedelta(days=1)


def test_a_card_remembered_again_and_again_waits_longer_each_time() -> None:
    card, now, gaps = ReviewCard.new(1, 7, NOW), NOW, []
    for _ in range(5):
        card = review(card, Rating.GOOD, now)
        gaps.append(card.due - now)
        now = card.due

    assert card.state is CardState.REVIEW
    assert card.reps == 5
    assert gaps[2:] == sorted(gaps[2:])
    assert gaps[-1] > timedelta(days=7)


def test_forgetting_a_known_card_is_a_lapse_and_brings_it_back_soon() -> None:
    card, now = ReviewCard.new(1, 7, NOW), NOW
    for _ in range(4):
        card = review(card, Rating.GOOD, now)
        now = card.due
    known = card

    forgotten = review(known, Rating.AGAIN, now)

    assert forgotten.lapses == 1
    assert forgotten.state is CardState.RELEARNING
    assert forgotten.stability is not None
    assert known.stability is not None
    assert forgotten.stability < known.stability
    assert forgotten.due - now < timedelta(hours=1)


def test_any_time_zone_is_accepted_and_fuzz_stays_near_the_interval() -> None:
    berlin = NOW.astimezone(ZoneInfo("Europe/Berlin"))
    card = ReviewCard.new(1, 7, berlin)
    for _ in range(3):
        card = review(card, Rating.EASY, card.due)
    plain = FsrsScheduler(fuzz=False).schedule(card, Rating.GOOD, card.due).due
    fuzzed = FsrsScheduler().schedule(card, Rating.GOOD, card.due).due

    assert abs(fuzzed - plain) <= (plain - card.due) * 0.3


def test_scheduling_loads_fsrs_but_never_its_optimizer() -> None:
    code = (
        "import sys; from datetime import UTC, datetime;"
        "from domain.review import Rating, ReviewCard;"
        "from infrastructure.review import FsrsScheduler;"
        "before = 'fsrs' in sys.modules;"
        "now = datetime.now(UTC);"
        "FsrsScheduler().schedule(ReviewCard.new(1, 2, now), Rating.GOOD, now);"
        "print(before, 'fsrs' in sys.modules, 'fsrs.optimizer' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )

    assert result.stdout.split() == ["False", "True", "False"]
