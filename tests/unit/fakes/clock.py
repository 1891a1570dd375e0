from datetime import UTC, datetime, timedelta


class FakeClock:
    """A frozen clock that tests move by hand; it always answers in UTC, like the real one."""

    def __init__(self, start: datetime) -> None:
        self._now = _utc(start)

    def now(self) -> datetime:
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = _utc(moment)

    def advance(self, **delta: float) -> datetime:
        self._now += timedelta(**delta)
        return self._now


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("the clock only deals in timezone-aware moments")
    return moment.astimezone(UTC)
