"""SQL statements and server round trips, counted with SQLAlchemy engine and pool events.

A round trip is every statement, plus what the driver sends around them:

- COMMIT and ROLLBACK of a connection's transaction: one each;
- BEGIN: one on asyncpg, which starts transactions explicitly; none on aiomysql and
  SQLite, whose transactions begin implicitly with the first statement. On PostgreSQL
  the checkout check sends the first transaction's BEGIN itself, booked there;
- the ping on checkout, when learnbot's checkout check sent one (an aiomysql connection
  that rested longer than ``PING_AFTER_IDLE``: COM_PING);
- the pool's rollback on return, when learnbot's reset sent one (aiomysql, a transaction
  still open); asyncpg skips it without an open transaction.

Each figure is booked under the answer kind of the task that caused it (a context
variable the driver sets), so wrong, right and completing answers are told apart.
"""

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from infrastructure.db.checkout import BEGUN, PINGED, ROLLED_BACK

answer_kind: ContextVar[str] = ContextVar("answer_kind", default="other")


class RoundTrips:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine.sync_engine
        driver = self._engine.dialect.driver
        self._begin = 1 if driver == "asyncpg" else 0
        self.statements: Counter[str] = Counter()
        self.round_trips: Counter[str] = Counter()

    @contextmanager
    def counting(self) -> Iterator["RoundTrips"]:
        listeners = [
            (self._engine, "before_cursor_execute", self._statement),
            (self._engine, "begin", self._began),
            (self._engine, "commit", self._ended),
            (self._engine, "rollback", self._ended),
            (self._engine.pool, "checkout", self._checked_out),
            (self._engine.pool, "reset", self._returned),
        ]
        for target, name, listener in listeners:
            sa.event.listen(target, name, listener)
        try:
            yield self
        finally:
            for target, name, listener in listeners:
                sa.event.remove(target, name, listener)

    def _statement(self, *_: Any) -> None:
        kind = answer_kind.get()
        self.statements[kind] += 1
        self.round_trips[kind] += 1

    def _began(self, connection: Any) -> None:
        """Not booked when the checkout check already sent this transaction's BEGIN."""
        info = connection.connection.info
        begun, info[BEGUN] = info.get(BEGUN, False), False
        self.round_trips[answer_kind.get()] += 0 if begun else self._begin

    def _ended(self, *_: Any) -> None:
        self.round_trips[answer_kind.get()] += 1

    def _checked_out(self, _connection: Any, record: Any, _proxy: Any) -> None:
        sent = record.info.get(PINGED) or record.info.get(BEGUN)
        self.round_trips[answer_kind.get()] += 1 if sent else 0

    def _returned(self, _connection: Any, record: Any, _state: Any) -> None:
        self.round_trips[answer_kind.get()] += 1 if record.info.get(ROLLED_BACK) else 0
