"""The learner and its take in one round trip on MySQL/MariaDB (``read_ahead``'s script).

MariaDB 10.11 has no ``LATERAL``, and a join of the learner to the take read would lock
the learner's row too: a locking read locks every row it reads, a join's included. So the
learner's read and the take read go as one multi-statement script (``mysql_script``): the
take read is the take read's own ``SELECT … FOR UPDATE``, the user's id a scalar subquery
of the learner's read, whose rows a locking read does not lock. The progress row is
locked (with its answers and card, as the take read locks them); the learner's is not.

Lock order, as on PostgreSQL: the progress row is locked before the learner's contact
refresh (at most one write per update) rather than after it. Two updates of one learner
in flight at once, both refreshing the contact, one an answer and the other a retake, can
deadlock; InnoDB aborts one, and the unit-of-work middleware reruns it.

Both reads are packed (``mysql_rows.Packed``): 34 columns described once each per answer
cost aiomysql more CPU than the values.
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

from infrastructure.db.models import UserRow, table
from infrastructure.db.repositories.answering import ANSWERS, take_select
from infrastructure.db.repositories.mysql_rows import Packed
from infrastructure.db.repositories.mysql_script import Script, compile_script, run_script
from infrastructure.db.transaction import Transaction

USERS = table(UserRow)


class TakeScript:
    """``learner`` (a read of one user) and that user's take, compiled once per length of
    the lesson's challenge list."""

    def __init__(self, learner: sa.Select[Any]) -> None:
        user_id = learner.with_only_columns(USERS.c.id).scalar_subquery()
        take = take_select(True, user_id).order_by(ANSWERS.c.challenge_id, ANSWERS.c.attempt)
        self._statements = (Packed(learner), Packed(take))
        self._compiled: dict[tuple[int, Dialect], Script] = {}

    async def read(
        self, transaction: Transaction, values: dict[str, Any]
    ) -> tuple[Sequence[Any] | None, list[tuple[Any, ...]]]:
        """The learner's row (None if unknown) and the take's rows (none if no progress
        row); ``values`` as for ``read_ahead.with_take``'s statement."""
        script = self._script(transaction.dialect, values)
        learner, take = await run_script(transaction, script, values)
        return (learner[0] if learner else None), take

    def _script(self, dialect: Dialect, values: dict[str, Any]) -> Script:
        key = (len(values["challenges"]), dialect)
        script = self._compiled.get(key)
        if script is None:
            sizes = {"challenges": key[0]}
            script = self._compiled[key] = compile_script(self._statements, key[1], sizes)
        return script
