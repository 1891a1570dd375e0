"""Messages the scheduler sends learners outside an update: reminders, league results."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Self

from domain.enums import Delivery
from domain.ports import Clock, LearnerPorts, Notifier
from domain.services.learners import LearnerService


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    sent: int = 0
    blocked: int = 0
    failed: int = 0

    @classmethod
    def of(cls, outcomes: Sequence[Delivery | None]) -> Self:
        """None is a message another run had already claimed."""
        return cls(
            sent=outcomes.count(Delivery.SENT),
            blocked=outcomes.count(Delivery.BLOCKED),
            failed=outcomes.count(Delivery.FAILED),
        )


async def deliver(
    uow: LearnerPorts, clock: Clock, notifier: Notifier, user_id: int, telegram_id: int, text: str
) -> Delivery:
    """Send a claimed message; a learner who blocked the bot is set inactive, so nothing
    is written to them again until they come back."""
    outcome = await notifier.deliver(telegram_id, text)
    if outcome is Delivery.BLOCKED:
        await LearnerService(uow, clock).deactivate(user_id)
    return outcome
