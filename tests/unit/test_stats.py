"""Statistics count "today" in DEFAULT_TIMEZONE, the operator's calendar day."""

from datetime import UTC, datetime

from domain.services import StatsService

from .fakes import FakeClock, FakeUnitOfWork


def test_today_starts_at_local_midnight_not_utc_midnight(uow: FakeUnitOfWork) -> None:
    clock = FakeClock(datetime(2026, 3, 10, 16, 0, tzinfo=UTC))

    tokyo = StatsService(uow, clock, "Asia/Tokyo").start_of_today()
    utc = StatsService(uow, clock, "UTC").start_of_today()

    assert tokyo.astimezone(UTC) == datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
    assert utc == datetime(2026, 3, 10, 0, 0, tzinfo=UTC)
