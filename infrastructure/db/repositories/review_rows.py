"""Review cards as rows: the columns every read and write of a card shares, in one order."""

from collections.abc import Sequence
from typing import Any

from domain.review import CardState, ReviewCard

CARD_COLUMNS = (
    "due",
    "state",
    "step",
    "stability",
    "difficulty",
    "last_review",
    "reps",
    "lapses",
)
"""``due`` first: it is never NULL, so a NULL there means no card was joined."""


def to_card(user_id: int, challenge_id: int, row: Sequence[Any]) -> ReviewCard:
    due, state, step, stability, difficulty, last_review, reps, lapses = row
    return ReviewCard(
        user_id,
        challenge_id,
        due,
        CardState(state),
        step,
        stability,
        difficulty,
        last_review,
        reps,
        lapses,
    )


def card_values(card: ReviewCard) -> dict[str, Any]:
    return {
        "user_id": card.user_id,
        "challenge_id": card.challenge_id,
        **{name: getattr(card, name) for name in CARD_COLUMNS},
        "state": int(card.state),
    }
