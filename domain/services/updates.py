"""Housekeeping of the update journal: Telegram re-delivers an update for a day at most."""

from datetime import timedelta

from domain.ports import Clock, UpdatePorts

KEEP_CLAIMS = timedelta(days=2)


async def forget_old_updates(uow: UpdatePorts, clock: Clock) -> int:
    """Drop claims no re-delivery can match any more; returns how many went."""
    return await uow.updates.forget_before(clock.now() - KEEP_CLAIMS)
