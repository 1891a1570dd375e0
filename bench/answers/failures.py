"""Failed updates, counted by cause from the bot's own error log instead of printed."""

import logging
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager


class FailureTally(logging.Handler):
    """Counts ERROR records by exception type and the first words of its message."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.causes: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        error = record.exc_info[1] if record.exc_info else None
        cause = record.getMessage() if error is None else f"{type(error).__name__}: {error}"
        self.causes[cause.splitlines()[0][:120]] += 1


@contextmanager
def failures_tallied() -> Iterator[FailureTally]:
    """The root logger's records go to the tally alone while the block runs."""
    root = logging.getLogger()
    tally = FailureTally()
    handlers, propagate_level = root.handlers[:], root.level
    root.handlers = [tally]
    root.setLevel(logging.WARNING)
    try:
        yield tally
    finally:
        root.handlers = handlers
        root.setLevel(propagate_level)
