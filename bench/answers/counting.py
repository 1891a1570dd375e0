"""SQL statements and server round trips, counted with SQLAlchemy engine and pool events.

A round trip is every statement, plus what the driver sends around them:

- COMMIT and ROLLBACK of a connection's transaction: one each;
- BEGIN: one on asyncpg, which starts transactions explicitly; none on aiomysql and
  SQLite, whose transactions begin implicitly with the first statement;
- the pool's pre-ping on checkout: one on asyncpg (learnbot's own ``;``, where
  ``pool_pre_ping`` would wrap it in BEGIN and ROLLBACK: three), one COM_PING on aiomysql;
- the pool's rollback on return when the connection did not already end its transaction:
  one on aiomysql (asyncpg skips it without an open transaction).

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

from infrastructure.db.engine import ping_in_one_round_trip

answer_kind: ContextVar[str] = ContextVar("answer_kind", default="other")


class RoundTrips:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine.sync_engine
        driver = self._engine.dialect.driver
        self._begin = 1 if driver == "asyncpg" else 0
        pre_ping = bool(getattr(self._engine.pool, "_pre_ping", False))
        self._ping = {"asyncpg": 3, "aiomysql": 1}.get(driver, 0) if pre_ping else 0
        if sa.event.contains(self._engine.pool, "checkout", ping_in_one_round_trip):
            self._ping = 1
        self._reset = 1 if driver == "aiomysql" else 0
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

    def _began(self, *_: Any) -> None:
        self.round_trips[answer_kind.get()] += self._begin

    def _ended(self, *_: Any) -> None:
        self.round_trips[answer_kind.get()] += 1

    def _checked_out(self, *_: Any) -> None:
        self.round_trips[answer_kind.get()] += self._ping

    def _returned(self, _connection: Any, _record: Any, state: Any) -> None:
        if not state.transaction_was_reset:
            self.round_trips[answer_kind.get()] += self._reset
