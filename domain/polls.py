"""Quiz polls: a single-choice challenge put as a Telegram quiz, answered by a vote.

The bot remembers each poll it sent (keyed by Telegram's poll id) with the learner, the
challenge, the take and the attempt it stands for, so a vote is scored exactly like the
button press it replaces, and a vote on anything else changes nothing.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.catalogue import Challenge


@dataclass(frozen=True, slots=True)
class SentPoll:
    """``order[i]`` is the challenge's option index shown as the poll's option ``i``."""

    poll_id: str
    user_id: int
    chat_id: int
    challenge_id: int
    take: int
    attempt: int
    order: tuple[int, ...]
    sent_at: datetime
    closes_at: datetime | None = None

    @classmethod
    def of(
        cls,
        poll_id: str,
        user_id: int,
        chat_id: int,
        challenge: Challenge,
        take: int,
        attempt: int,
        order: Sequence[int],
        now: datetime,
    ) -> "SentPoll":
        period = challenge.open_period
        closes_at = None if period is None else now + timedelta(seconds=period)
        return cls(
            poll_id, user_id, chat_id, challenge.id, take, attempt, tuple(order), now, closes_at
        )

    def is_closed(self, now: datetime) -> bool:
        """Judged by the clock when the vote is handled: Telegram closes it at that moment."""
        return self.closes_at is not None and now >= self.closes_at

    def chosen(self, option_ids: Sequence[int]) -> int | None:
        """The challenge's option a vote picked; None for a retracted or malformed vote."""
        if len(option_ids) != 1 or not 0 <= option_ids[0] < len(self.order):
            return None
        return self.order[option_ids[0]]
