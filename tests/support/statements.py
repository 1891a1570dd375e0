"""Counting the SQL statements a piece of work sends, to keep round trips in check."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine


class StatementLog:
    def __init__(self) -> None:
        self.statements: list[str] = []

    def __len__(self) -> int:
        return len(self.statements)

    @property
    def writes(self) -> int:
        verbs = ("INSERT", "UPDATE", "DELETE")
        return sum(1 for sql in self.statements if sql.lstrip().upper().startswith(verbs))


@contextmanager
def counted(engine: AsyncEngine) -> Iterator[StatementLog]:
    """Every statement the engine executes inside the block (SAVEPOINTs and COMMIT too)."""
    log = StatementLog()

    def record(*args: Any) -> None:
        log.statements.append(str(args[2]))

    sa.event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield log
    finally:
        sa.event.remove(engine.sync_engine, "before_cursor_execute", record)
