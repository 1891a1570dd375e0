"""FSRS behind the domain's ``ReviewScheduler``: the ``fsrs`` package (pure Python, about
0.6 MiB resident), imported on the first review so an idle bot does not carry it; its
optimizer, which would pull in heavy libraries, is never imported."""

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from domain.review import CardState, Memory, Rating, ReviewCard

if TYPE_CHECKING:
    import fsrs

DEFAULT_RETENTION = 0.9


class FsrsScheduler:
    """FSRS-6 with its default parameters. ``fuzz`` spreads the due times of cards learnt
    together a little, as Anki does, so a class does not meet the same pile every day."""

    def __init__(self, desired_retention: float = DEFAULT_RETENTION, fuzz: bool = True) -> None:
        self._retention = desired_retention
        self._fuzz = fuzz
        self._scheduler: fsrs.Scheduler | None = None

    def schedule(self, card: ReviewCard, rating: Rating, now: datetime) -> Memory:
        import fsrs

        if self._scheduler is None:
            self._scheduler = fsrs.Scheduler(
                desired_retention=self._retention, enable_fuzzing=self._fuzz
            )
        reviewed, _ = self._scheduler.review_card(
            _to_fsrs(card), fsrs.Rating(int(rating)), now.astimezone(UTC)
        )
        return Memory(
            CardState(int(reviewed.state)),
            reviewed.step,
            reviewed.stability,
            reviewed.difficulty,
            reviewed.due,
        )


def _to_fsrs(card: ReviewCard) -> "fsrs.Card":
    """``card_id`` is given: left out, fsrs would sleep a millisecond to make one up."""
    import fsrs

    last = None if card.last_review is None else card.last_review.astimezone(UTC)
    return fsrs.Card(
        card_id=card.challenge_id,
        state=fsrs.State(int(card.state)),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due.astimezone(UTC),
        last_review=last,
    )
