from collections.abc import Sequence
from dataclasses import fields
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from domain.learners import Learner, TelegramProfile
from infrastructure.db.content_version import ContentVersion, version_column
from infrastructure.db.models import UserRow, table
from infrastructure.db.prepared import fetch_all
from infrastructure.db.repositories.answering import MYSQL
from infrastructure.db.repositories.mysql_script import one_statement, run_script
from infrastructure.db.repositories.read_ahead import Planned, TakeReadAhead, with_take
from infrastructure.db.repositories.read_ahead_mysql import TakeScript
from infrastructure.db.transaction import OnTransaction, Transaction
from infrastructure.db.upsert import affected, insert_if_absent

USERS = table(UserRow)
_LEARNER_FIELDS = tuple(field.name for field in fields(Learner))


def _learner_by(column: str) -> sa.Select[Any]:
    """Built once: every update reads its learner, and building the statement (and its
    cache key) cost more in SQLAlchemy than the read itself. Plain rows, no ORM entity."""
    return sa.select(
        *(USERS.c[name] for name in _LEARNER_FIELDS), version_column().label("content_version")
    ).where(USERS.c[column] == sa.bindparam("key", type_=USERS.c[column].type))


_BY_ID, _BY_TELEGRAM_ID = _learner_by("id"), _learner_by("telegram_id")
_WITH_TAKE, _WITH_TAKE_SCRIPT = with_take(_BY_TELEGRAM_ID), TakeScript(_BY_TELEGRAM_ID)
_WIDTH = len(_LEARNER_FIELDS) + 1


class SqlLearners(OnTransaction):
    """The learner query also brings the content version, so the catalogue cache is
    checked on every update at no extra round trip; for an answer button's update, it
    also brings the take the answer needs (``read_ahead``)."""

    def __init__(
        self, transaction: Transaction, version: ContentVersion, ahead: TakeReadAhead
    ) -> None:
        super().__init__(transaction)
        self._version = version
        self._ahead = ahead

    async def get(self, learner_id: int) -> Learner | None:
        return await self._one(_BY_ID, learner_id)

    async def by_telegram_id(
        self, telegram_id: int, answering: int | None = None
    ) -> Learner | None:
        planned = None if answering is None else self._ahead.plan(answering)
        if planned is None:
            return await self._one(_BY_TELEGRAM_ID, telegram_id)
        row, take = await self._with_take(planned, telegram_id)
        if row is None:
            return None
        learner = self._learner(row)
        self._ahead.keep(planned, learner.id, row[-1], take)
        return learner

    async def add(self, profile: TelegramProfile, now: datetime) -> Learner:
        values = _profile_values(profile) | {
            "telegram_id": profile.telegram_id,
            "first_contact_at": now,
            "last_contact_at": now,
            "created_at": now,
            "updated_at": now,
        }
        await insert_if_absent(self._session, table(UserRow), values, ["telegram_id"])
        learner = await self.by_telegram_id(profile.telegram_id)
        assert learner is not None, "the row was inserted or already existed"
        return learner

    async def refresh_contact(
        self, learner_id: int, profile: TelegramProfile, now: datetime
    ) -> None:
        values = _profile_values(profile) | {
            "last_contact_at": now,
            "updated_at": now,
            "is_active": True,
        }
        await self._update(learner_id, values)

    async def set_active(self, learner_id: int, active: bool, now: datetime) -> bool:
        return await self._update(learner_id, {"is_active": active, "updated_at": now})

    async def set_timezone(self, learner_id: int, timezone: str | None, now: datetime) -> bool:
        return await self._update(learner_id, {"timezone": timezone, "updated_at": now})

    async def set_locale(self, learner_id: int, locale: str | None, now: datetime) -> bool:
        return await self._update(learner_id, {"locale": locale, "updated_at": now})

    async def set_daily_goal(self, learner_id: int, points: int, now: datetime) -> bool:
        return await self._update(learner_id, {"daily_goal": points, "updated_at": now})

    async def set_pending_challenge(self, learner_id: int, challenge_id: int | None) -> bool:
        return await self._update(learner_id, {"pending_challenge_id": challenge_id})

    async def delete(self, learner_id: int) -> bool:
        """Every learner-owned table references users ON DELETE CASCADE."""
        result = await self._session.execute(
            sa.delete(table(UserRow)).where(UserRow.id == learner_id)
        )
        return bool(affected(result))

    async def _with_take(
        self, planned: Planned, telegram_id: int
    ) -> tuple[Sequence[Any] | None, Sequence[Sequence[Any]]]:
        """The learner's columns and content version, and the take's rows."""
        values = planned.parameters() | {"key": telegram_id}
        if planned.scripted:
            return await _WITH_TAKE_SCRIPT.read(self._transaction, values)
        rows = await fetch_all(self._transaction, _WITH_TAKE, values)
        return (rows[0][:_WIDTH] if rows else None), [r[_WIDTH:] for r in rows]

    async def _one(self, statement: sa.Select[Any], key: int) -> Learner | None:
        dialect = self._transaction.dialect
        if dialect.name in MYSQL:
            script = one_statement(statement, dialect)
            [rows] = await run_script(self._transaction, script, {"key": key})
        else:
            rows = await fetch_all(self._transaction, statement, {"key": key})
        return self._learner(rows[0]) if rows else None

    def _learner(self, row: Sequence[Any]) -> Learner:
        """The learner's columns, then the content version."""
        self._version.observe(row[-1])
        return Learner(*row[:-1])

    async def _update(self, learner_id: int, values: dict[str, object]) -> bool:
        statement = sa.update(table(UserRow)).where(UserRow.id == learner_id).values(values)
        result = await self._session.execute(statement)
        return bool(affected(result))


def _profile_values(profile: TelegramProfile) -> dict[str, object]:
    return {
        "username": profile.username,
        "first_name": profile.first_name,
        "last_name": profile.last_name,
        "language_code": profile.language_code,
    }


def to_learner(row: UserRow) -> Learner:
    return Learner(
        id=row.id,
        telegram_id=row.telegram_id,
        username=row.username,
        first_name=row.first_name,
        last_name=row.last_name,
        language_code=row.language_code,
        timezone=row.timezone,
        is_active=row.is_active,
        first_contact_at=row.first_contact_at,
        last_contact_at=row.last_contact_at,
        locale=row.locale,
        pending_challenge_id=row.pending_challenge_id,
        daily_goal=row.daily_goal,
    )
