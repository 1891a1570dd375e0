"""Review cards over SQL: the due read is one statement on ``(user_id, due)``; a review
answer is gated on its ``review_log`` row, as an answer is on its own unique key."""

from datetime import date, datetime
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.activity import Activity
from domain.kinds import reviewable_kinds
from domain.review import DueCards, ReviewCard, ReviewRecord
from infrastructure.db.models import (
    ActivityRow,
    ChallengeRow,
    LessonRow,
    ModuleRow,
    ReviewCardRow,
    ReviewLogRow,
    StudyDayRow,
    table,
)
from infrastructure.db.repositories.activity import activity_values
from infrastructure.db.repositories.review_rows import CARD_COLUMNS, card_values, to_card
from infrastructure.db.upsert import insert_if_absent

CARDS, LOG = table(ReviewCardRow), table(ReviewLogRow)
CHALLENGES, LESSONS, MODULES = table(ChallengeRow), table(LessonRow), table(ModuleRow)
REVIEW_KEY = ["user_id", "challenge_id", "review"]
DUE_KEY = "FORCE INDEX (ix_review_cards_user_id_due)"


class SqlReviewCards:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def due(self, user_id: int, now: datetime) -> DueCards:
        values = {"user_id": user_id, "now": now}
        row = (await self._session.execute(due_statement(), values)).first()
        if row is None:
            return DueCards(0, None)
        challenge_id, *card, count = row
        return DueCards(count, to_card(user_id, challenge_id, card))

    async def get(self, user_id: int, challenge_id: int) -> ReviewCard | None:
        values = {"user_id": user_id, "challenge_id": challenge_id}
        row = (await self._session.execute(_card_statement(), values)).first()
        return None if row is None else to_card(user_id, challenge_id, row)

    async def record_review(
        self, record: ReviewRecord, card: ReviewCard, activity: Activity, study_day: date
    ) -> bool:
        if not await insert_if_absent(self._session, LOG, _log_values(record), REVIEW_KEY):
            return False
        values = {f"card_{name}": value for name, value in card_values(card).items()}
        await self._session.execute(_card_update(), values)
        await self._session.execute(sa.insert(table(ActivityRow)), activity_values(activity))
        day = {"user_id": record.user_id, "day": study_day}
        await insert_if_absent(self._session, table(StudyDayRow), day, ["user_id", "day"])
        return True


@cache
def due_statement() -> sa.Select[Any]:
    """The most overdue card of a published challenge of a reviewable kind, with how many
    are due: a range of the ``(user_id, due)`` index, joined to the few content rows it names.
    MariaDB is told the order: left to itself it walks every challenge of the course and
    looks each card up by primary key (2,000 lookups for a 2,000-question course)."""
    servable = (
        CHALLENGES.c.kind.in_(reviewable_kinds()),
        LESSONS.c.is_published,
        MODULES.c.is_published,
    )
    statement = (
        sa.select(
            CARDS.c.challenge_id,
            *(CARDS.c[name] for name in CARD_COLUMNS),
            sa.func.count().over().label("due_count"),
        )
        .select_from(
            CARDS.join(CHALLENGES, CHALLENGES.c.id == CARDS.c.challenge_id)
            .join(LESSONS, LESSONS.c.id == CHALLENGES.c.lesson_id)
            .join(MODULES, MODULES.c.id == LESSONS.c.module_id)
        )
        .where(
            CARDS.c.user_id == sa.bindparam("user_id", type_=sa.Integer),
            CARDS.c.due <= sa.bindparam("now", type_=CARDS.c.due.type),
            *servable,
        )
        .order_by(CARDS.c.due, CARDS.c.challenge_id)
        .limit(1)
    )
    for dialect in ("mysql", "mariadb"):
        statement = statement.prefix_with("STRAIGHT_JOIN", dialect=dialect)
        statement = statement.with_hint(CARDS, DUE_KEY, dialect)
    return statement


@cache
def _card_statement() -> sa.Select[Any]:
    """The card by its primary key, locked until commit: two replicas reviewing it queue."""
    return (
        sa.select(*(CARDS.c[name] for name in CARD_COLUMNS))
        .where(CARDS.c.user_id == sa.bindparam("user_id", type_=sa.Integer))
        .where(CARDS.c.challenge_id == sa.bindparam("challenge_id", type_=sa.Integer))
        .with_for_update()
    )


@cache
def _card_update() -> sa.Update:
    return (
        sa.update(CARDS)
        .where(CARDS.c.user_id == sa.bindparam("card_user_id", type_=sa.Integer))
        .where(CARDS.c.challenge_id == sa.bindparam("card_challenge_id", type_=sa.Integer))
        .values(
            {name: sa.bindparam(f"card_{name}", type_=CARDS.c[name].type) for name in CARD_COLUMNS}
        )
    )


def _log_values(record: ReviewRecord) -> dict[str, Any]:
    return {
        "user_id": record.user_id,
        "challenge_id": record.challenge_id,
        "review": record.review,
        "rating": int(record.rating),
        "is_correct": record.is_correct,
        "points": record.points,
        "reviewed_at": record.reviewed_at,
    }
