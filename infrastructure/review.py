"""FSRS behind the domain's ``ReviewScheduler``: the ``fsrs`` package (pure Python, under
1 MB resident; its optimizer, which would pull in heavy libraries, is never imported)."""

from datetime import UTC, datetime

import fsrs

from domain.review import CardState, Memory, Rating, ReviewCard

DEFAULT_RETENTION = 0.9


class FsrsScheduler:
    """FSRS-6 with its default parameters. ``fuzz`` spreads the due times of cards learnt
    together a little, as Anki does, so a class does not meet the same pile every day."""

    def __init__(self, desired_retention: float = DEFAULT_RETENTION, fuzz: bool = True) -> None:
        self._scheduler = fsrs.Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)

    def schedule(self, card: ReviewCard, rating: Rating, now: datetime) -> Memory:
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


def _to_fsrs(card: ReviewCard) -> fsrs.Card:
    """``card_id`` is given: left out, fsrs would sleep a millisecond to make one up."""
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
