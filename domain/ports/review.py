from datetime import date, datetime
from typing import Protocol

from domain.activity import Activity
from domain.review import DueCards, Memory, Rating, ReviewCard, ReviewRecord, ReviewWait


class ReviewScheduler(Protocol):
    """The memory model: when a card should be asked again after a rating."""

    def schedule(self, card: ReviewCard, rating: Rating, now: datetime) -> Memory: ...


class ReviewCards(Protocol):
    async def due(self, user_id: int, now: datetime) -> DueCards:
        """The learner's due cards of published challenges: one indexed read."""
        ...

    async def get(self, user_id: int, challenge_id: int) -> ReviewCard | None:
        """The card, held until commit so concurrent reviews of it queue up."""
        ...

    async def record_review(
        self, record: ReviewRecord, card: ReviewCard, activity: Activity, study_day: date
    ) -> bool:
        """Write the review, the card after it, its activity and the study day; False,
        writing nothing, when that (user, challenge, review) is already recorded."""
        ...


class ReviewWaits(Protocol):
    """Which typed review card a learner's next message answers: one row per learner,
    read only when a typed message arrives."""

    async def wait_for(self, wait: ReviewWait) -> None:
        """Replace the learner's wait with this one."""
        ...

    async def waiting(self, user_id: int) -> ReviewWait | None: ...

    async def stop(self, user_id: int) -> None: ...
