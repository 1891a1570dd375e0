"""A learner's facts in one statement: completed lessons, earned achievements, study
days, streak freeze facts and the solved-challenge count, as tagged rows of one UNION
ALL. Module completion and award points come from the cached catalogue, not from more
joins.

The ``since`` parameter (the learner's midnight, or NULL) marks what counts as today: the
lessons first completed since (``TODAY`` rows), the achievements earned since (an
``EARNED`` row's ``score`` is 1) and the points of reviews since (the ``REVIEWED`` row),
so today's points come with the same read."""

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.achievements import LearnerFacts
from domain.enums import ProgressStatus
from domain.freezes import FreezeLedger
from domain.progress import CountedAnswer
from domain.totals import learner_totals, points
from infrastructure.db.models import (
    AnswerRow,
    EarnedRow,
    ProgressRow,
    ReviewLogRow,
    StreakFreezeRow,
    StudyDayRow,
    table,
)
from infrastructure.db.repositories.catalogue_cache import CatalogueSnapshot
from infrastructure.db.repositories.freezes import EARNED as FREEZE_EARNED
from infrastructure.db.repositories.freezes import SPENT

LESSON, EARNED, DAY, SOLVED, RECORDED = "lesson", "earned", "day", "solved", "recorded"
TODAY, FREEZE, REVIEWED = "today", "freeze", "reviewed"


Tagged = sa.Select[str, int, int, date]


def tagged_row(kind: str, number: Any = None, score: Any = None, day: Any = None) -> Tagged:
    """One row of the shape (kind, number, score, day) every part of the union shares."""
    return sa.select(
        sa.literal(kind).label("kind"),
        _typed(number, sa.Integer()).label("number"),
        _typed(score, sa.Integer()).label("score"),
        _typed(day, sa.Date()).label("day"),
    )


def _typed(value: Any, type_: sa.types.TypeEngine[Any]) -> Any:
    """A typed NULL where a part has no value (no CAST of real values: SQLite's CAST to
    DATE would make a number of a date)."""
    return sa.cast(sa.null(), type_) if value is None else value


def facts_query(user_id: Any, solving: Any = None) -> list[Tagged]:
    """With ``solving``, the solved count leaves that challenge out and ``score`` says
    whether it was solved before: the caller knows whether it is solved now."""
    progress, earned = table(ProgressRow), table(EarnedRow)
    days, answers, freezes = table(StudyDayRow), table(AnswerRow), table(StreakFreezeRow)
    reviews = table(ReviewLogRow)
    fact = sa.case((freezes.c.kind == FREEZE_EARNED, 0), (freezes.c.kind == SPENT, 1), else_=2)
    completed = (progress.c.user_id == user_id, progress.c.status == ProgressStatus.COMPLETED)
    since = sa.bindparam("since", type_=progress.c.completed_at.type)
    earned_today = sa.case((earned.c.earned_at >= since, 1), else_=0)
    solved_by = (answers.c.user_id == user_id, answers.c.is_correct)
    if solving is None:
        solved = tagged_row(SOLVED, sa.func.count(sa.distinct(answers.c.challenge_id)))
    else:
        other = sa.case((answers.c.challenge_id != solving, answers.c.challenge_id))
        before = sa.func.max(sa.case((answers.c.challenge_id == solving, 1), else_=0))
        solved = tagged_row(SOLVED, sa.func.count(sa.distinct(other)), before)
    return [
        tagged_row(LESSON, progress.c.lesson_id, progress.c.score).where(*completed),
        tagged_row(EARNED, earned.c.achievement_id, earned_today).where(
            earned.c.user_id == user_id
        ),
        tagged_row(TODAY, progress.c.lesson_id).where(*completed, progress.c.completed_at >= since),
        tagged_row(DAY, day=days.c.day).where(days.c.user_id == user_id),
        tagged_row(FREEZE, fact, day=freezes.c.day).where(freezes.c.user_id == user_id),
        solved.where(*solved_by),
        tagged_row(REVIEWED, sa.cast(sa.func.sum(reviews.c.points), sa.Integer)).where(
            reviews.c.user_id == user_id, reviews.c.reviewed_at >= since
        ),
    ]


async def read_facts(
    session: AsyncSession,
    user_id: int,
    catalogue: CatalogueSnapshot,
    since: datetime | None = None,
) -> LearnerFacts:
    values = {"user_id": user_id, "since": since}
    rows = await session.execute(_facts_statement(), values)
    return fold_facts(rows.all(), catalogue)


@cache
def _facts_statement() -> sa.CompoundSelect[str, int, int, date]:
    """Built once, bound per read: every solving answer on MariaDB and SQLite reads it."""
    return sa.union_all(*facts_query(sa.bindparam("user_id", type_=sa.Integer)))


def fold_facts(
    rows: Iterable[Sequence[Any]], catalogue: CatalogueSnapshot, after: CountedAnswer | None = None
) -> LearnerFacts:
    """The tagged rows as the learner's facts; ``after`` adds what that answer wrote to rows read
    before it (the solved row then came from ``facts_query(solving=...)``)."""
    scores: dict[int, int] = {}
    earned: set[int] = set()
    today: set[int] = set()
    earned_today: set[int] = set()
    days: set[date] = set()
    freezes: dict[int, list[date]] = {0: [], 1: [], 2: []}
    solved = reviewed = 0
    for kind, number, score, day in rows:
        if kind == LESSON:
            scores[number] = score or 0
        elif kind == TODAY:
            today.add(number)
        elif kind == EARNED:
            earned.add(number)
            if score:
                earned_today.add(number)
        elif kind == DAY:
            days.add(day)
        elif kind == FREEZE:
            freezes[int(number)].append(day)
        elif kind == REVIEWED:
            reviewed = int(number or 0)
        elif kind == SOLVED:
            solved = int(number) + (
                1 if after is not None and (score or after.record.is_correct) else 0
            )
    if after is not None:
        if after.progress.is_completed:
            scores[after.progress.lesson_id] = after.progress.score or 0
            if _completed_since(after):
                today.add(after.progress.lesson_id)
        if after.study_day is not None:
            days.add(after.study_day)
    award_points = catalogue.award_points
    totals = learner_totals(scores, earned, solved, catalogue.outline, award_points)
    today_points = points((scores.get(lesson) for lesson in today), earned_today, award_points)
    ledger = FreezeLedger(frozenset(freezes[0]), frozenset(freezes[1]), tuple(sorted(freezes[2])))
    days_studied = tuple(sorted(days))
    return LearnerFacts(totals, frozenset(earned), days_studied, today_points + reviewed, ledger)


def _completed_since(counted: CountedAnswer) -> bool:
    completed_at, since = counted.progress.completed_at, counted.day_start
    return completed_at is not None and since is not None and completed_at >= since
