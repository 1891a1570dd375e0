from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    """The current moment, timezone-aware; injected so tests can freeze and move time."""

    def now(self) -> datetime: ...
