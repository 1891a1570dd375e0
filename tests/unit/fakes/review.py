from datetime import date, datetime, timedelta

from domain.activity import Activity
from domain.review import (
    CardState,
    DueCards,
    Memory,
    Rating,
    ReviewCard,
    ReviewRecord,
    ReviewWait,
)

from .catalogue import FakeCatalogue
from .tables import Tables

FAKE_INTERVALS = {
    Rating.AGAIN: timedelta(minutes=1),
    Rating.HARD: timedelta(hours=1),
    Rating.GOOD: timedelta(days=1),
    Rating.EASY: timedelta(days=4),
}
"""The fake scheduler's rule: a fixed interval per rating, so tests can say when."""


class FakeScheduler:
    """Due after a fixed interval per rating; remembers every call for assertions."""

    def __init__(self) -> None:
        self.calls: list[tuple[ReviewCard, Rating, datetime]] = []

    def schedule(self, card: ReviewCard, rating: Rating, now: datetime) -> Memory:
        self.calls.append((card, rating, now))
        state = CardState.LEARNING if rating is Rating.AGAIN else CardState.REVIEW
        stability = float(FAKE_INTERVALS[rating].total_seconds())
        return Memory(state, None, stability, 5.0, now + FAKE_INTERVALS[rating])

    def ratings(self) -> list[Rating]:
        return [rating for _, rating, _ in self.calls]


class FakeReviewCards:
    def __init__(self, tables: Tables, catalogue: FakeCatalogue) -> None:
        self._tables = tables
        self._catalogue = catalogue

    async def due(self, user_id: int, now: datetime) -> DueCards:
        due = sorted(
            (
                card
                for (owner, challenge_id), card in self._tables.cards.items()
                if owner == user_id and card.is_due(now) and self._servable(challenge_id)
            ),
            key=lambda card: (card.due, card.challenge_id),
        )
        return DueCards(len(due), due[0] if due else None)

    async def get(self, user_id: int, challenge_id: int) -> ReviewCard | None:
        return self._tables.cards.get((user_id, challenge_id))

    async def record_review(
        self, record: ReviewRecord, card: ReviewCard, activity: Activity, study_day: date
    ) -> bool:
        key = (record.user_id, record.challenge_id, record.review)
        if key in self._tables.reviews:
            return False
        self._tables.reviews[key] = record
        self._tables.cards[card.user_id, card.challenge_id] = card
        self._tables.activities.append(activity)
        self._tables.study_days.add((record.user_id, study_day))
        return True

    def _servable(self, challenge_id: int) -> bool:
        return self._catalogue.is_servable(challenge_id)


class FakeReviewWaits:
    def __init__(self, tables: Tables) -> None:
        self._tables = tables

    async def wait_for(self, wait: ReviewWait) -> None:
        self._tables.review_waits[wait.user_id] = wait

    async def waiting(self, user_id: int) -> ReviewWait | None:
        return self._tables.review_waits.get(user_id)

    async def stop(self, user_id: int) -> None:
        self._tables.review_waits.pop(user_id, None)
