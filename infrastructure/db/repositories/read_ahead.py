"""The take a button answer needs, read with its learner: one round trip less.

The learner middleware knows from the button which challenge the update answers; the
process's cached catalogue says which lesson that challenge is in and which challenges
the lesson has, so the learner's read can also read, and lock, that take. On PostgreSQL
one statement (a ``LATERAL`` join: the lock is ``FOR UPDATE OF`` the progress row, as the
take read's own); on MySQL/MariaDB, which have neither, the learner's read and the take
read as one multi-statement script (``read_ahead_mysql``). What it read is handed to the
first take asked for in the same transaction, only if it is exactly that take, and only
once. A content version other than the cached snapshot's, or no progress row, and it is
dropped: the take is then read as before.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa

from domain.progress import Take
from infrastructure.db.models import UserRow, table
from infrastructure.db.repositories.answering import MYSQL, take_from_rows, take_select
from infrastructure.db.repositories.catalogue_cache import CatalogueCache
from infrastructure.db.transaction import Transaction

USERS = table(UserRow)
READS_AHEAD = ("postgresql", *MYSQL)


def with_take(learner: sa.Select[Any]) -> sa.Select[Any]:
    """``learner`` (a read of one user) followed by the columns of that user's take."""
    take = take_select(True, USERS.c.id, array=True).lateral("take")
    return (
        learner.add_columns(*take.c)
        .select_from(USERS.outerjoin(take, sa.true()))
        .order_by(take.c.challenge_id, take.c.attempt)
    )


@dataclass(frozen=True, slots=True)
class Planned:
    """The take to read with the learner, as the cached catalogue of ``version`` sees it."""

    challenge_id: int
    lesson_id: int
    challenge_ids: tuple[int, ...]
    version: int
    scripted: bool
    """Read by ``read_ahead_mysql.TakeScript`` (MySQL/MariaDB), not ``with_take``'s statement."""

    def parameters(self) -> dict[str, object]:
        challenges = list(self.challenge_ids)
        return {"lesson_id": self.lesson_id, "challenges": challenges, "card_of": self.challenge_id}


@dataclass(frozen=True, slots=True)
class _Held:
    planned: Planned
    take: Take
    transaction: int


class TakeReadAhead:
    """Per unit of work: the take read with the learner, until the take is asked for."""

    def __init__(self, transaction: Transaction, cache: CatalogueCache) -> None:
        self._transaction = transaction
        self._cache = cache
        self._held: _Held | None = None

    def plan(self, challenge_id: int) -> Planned | None:
        """None where nothing is read ahead: SQLite (in process, no round trip to save), no
        catalogue cached yet, or a challenge the cached catalogue does not have."""
        latest = self._cache.latest()
        dialect = self._transaction.dialect.name
        if latest is None or dialect not in READS_AHEAD:
            return None
        version, snapshot = latest
        challenge = snapshot.challenge_ids.get(challenge_id)
        if challenge is None:
            return None
        lesson = snapshot.challenges[challenge.lesson_id]
        ids = tuple(c.id for c in lesson)
        return Planned(challenge_id, challenge.lesson_id, ids, version, dialect in MYSQL)

    def keep(
        self, planned: Planned, user_id: int, version: int | None, rows: Sequence[Sequence[Any]]
    ) -> None:
        """``rows``: the take's columns of each row read; none, or a NULL progress column,
        where there is no progress row."""
        self._held = None
        if (version or 0) != planned.version or not rows or rows[0][0] is None:
            return
        take = take_from_rows(rows, user_id, planned.lesson_id, planned.challenge_id)
        self._held = _Held(planned, take, self._transaction.generation)

    def take(
        self, user_id: int, lesson_id: int, challenge_ids: Sequence[int], card_of: int | None
    ) -> Take | None:
        """The take read ahead if it is the one asked for, in the transaction that read it;
        either way it is handed out no more."""
        held, self._held = self._held, None
        if held is None or held.transaction != self._transaction.generation:
            return None
        planned, take = held.planned, held.take
        wanted = (user_id, lesson_id, tuple(challenge_ids))
        if wanted != (take.progress.user_id, planned.lesson_id, planned.challenge_ids):
            return None
        if card_of is None:
            return replace(take, card=None)
        return take if card_of == planned.challenge_id else None
