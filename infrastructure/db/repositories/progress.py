from datetime import date

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.enums import ProgressStatus
from domain.progress import AnswerRecord, AnswerRecorded, CountedAnswer, Progress, Take
from infrastructure.db.models import AnswerRow, ChallengeRow, ProgressRow, StudyDayRow, table
from infrastructure.db.repositories.answer_rows import answer_values, to_answer_record
from infrastructure.db.repositories.answering import ANSWER_KEY, read_take, write_counted
from infrastructure.db.repositories.catalogue import SqlCatalogue
from infrastructure.db.repositories.read_ahead import TakeReadAhead
from infrastructure.db.repositories.totals import mark_changed
from infrastructure.db.transaction import OnTransaction, Transaction
from infrastructure.db.upsert import insert_if_absent


class SqlProgress(OnTransaction):
    """Remembers the status and score it read, so only a save that changes a completed
    lesson's points marks the learner's totals (an ordinary answer costs nothing more)."""

    def __init__(
        self, transaction: Transaction, catalogue: SqlCatalogue, ahead: TakeReadAhead
    ) -> None:
        super().__init__(transaction)
        self._catalogue = catalogue
        self._ahead = ahead
        self._read: dict[tuple[int, int], tuple[ProgressStatus, int | None]] = {}

    async def get(self, user_id: int, lesson_id: int, *, lock: bool = False) -> Progress | None:
        statement = sa.select(ProgressRow).where(
            ProgressRow.user_id == user_id, ProgressRow.lesson_id == lesson_id
        )
        if lock:
            statement = statement.with_for_update()
        row = await self._session.scalar(statement.execution_options(populate_existing=True))
        if row is None:
            return None
        self._read[user_id, lesson_id] = (row.status, row.score)
        return to_progress(row)

    async def add(self, progress: Progress) -> bool:
        values = _values(progress) | {
            "user_id": progress.user_id,
            "lesson_id": progress.lesson_id,
            "created_at": progress.started_at,
            "updated_at": progress.started_at,
        }
        added = await insert_if_absent(
            self._session, table(ProgressRow), values, ["user_id", "lesson_id"]
        )
        if added and progress.is_completed:
            await mark_changed(self._session, progress.user_id)
        return added

    async def save(self, progress: Progress) -> None:
        statement = (
            sa.update(table(ProgressRow))
            .where(ProgressRow.user_id == progress.user_id)
            .where(ProgressRow.lesson_id == progress.lesson_id)
            .values(_values(progress) | {"updated_at": sa.func.now()})
        )
        await self._session.execute(statement)
        await self._points_saved(progress)

    async def take(
        self, user_id: int, lesson_id: int, challenge_id: int | None = None
    ) -> Take | None:
        challenges = await self._catalogue.challenges(lesson_id)
        ids = [c.id for c in challenges]
        ahead = self._ahead.take(user_id, lesson_id, ids, challenge_id)
        if ahead is not None:
            return ahead
        return await read_take(self._session, user_id, lesson_id, ids, challenge_id)

    async def record_answer(self, take: Take, answer: CountedAnswer) -> AnswerRecorded | None:
        """Counts in ``take``'s progress row, by primary key (``Take.key``); the totals are
        marked when the answer changes the completed lesson's points the take read."""
        if take.key is None:
            raise ValueError("record_answer() needs a take read by SqlProgress.take()")
        read, counted = take.progress, answer.progress
        changed = counted.is_completed and (read.status, read.score) != (
            counted.status,
            counted.score,
        )
        catalogue = await self._catalogue.snapshot()
        return await write_counted(self._transaction, take.key, answer, changed, catalogue)

    async def _points_saved(self, progress: Progress) -> None:
        if self._points_change(progress):
            await mark_changed(self._session, progress.user_id)

    def _points_change(self, progress: Progress) -> bool:
        """Whether a save changes a completed lesson's points, so the totals are marked."""
        key, points = (progress.user_id, progress.lesson_id), (progress.status, progress.score)
        changed = progress.is_completed and self._read.get(key) != points
        self._read[key] = points
        return changed

    async def for_learner(self, user_id: int) -> list[Progress]:
        statement = sa.select(ProgressRow).where(ProgressRow.user_id == user_id)
        rows = await self._session.scalars(statement.execution_options(populate_existing=True))
        return [to_progress(row) for row in rows]


class SqlAnswers:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def for_take(self, user_id: int, lesson_id: int, take: int) -> list[AnswerRecord]:
        statement = (
            sa.select(AnswerRow)
            .join(ChallengeRow, ChallengeRow.id == AnswerRow.challenge_id)
            .where(AnswerRow.user_id == user_id, AnswerRow.take == take)
            .where(ChallengeRow.lesson_id == lesson_id)
            .order_by(AnswerRow.challenge_id, AnswerRow.attempt)
        )
        return [to_answer(row) for row in await self._session.scalars(statement)]

    async def add(self, record: AnswerRecord) -> bool:
        values = answer_values(record)
        return await insert_if_absent(self._session, table(AnswerRow), values, ANSWER_KEY)


class SqlStudyCalendar(OnTransaction):
    async def mark(self, user_id: int, day: date) -> None:
        values = {"user_id": user_id, "day": day}
        await insert_if_absent(self._session, table(StudyDayRow), values, ["user_id", "day"])

    async def days(self, user_id: int) -> list[date]:
        statement = sa.select(StudyDayRow.day).where(StudyDayRow.user_id == user_id)
        return list(await self._session.scalars(statement))


def _values(progress: Progress) -> dict[str, object]:
    return {
        "status": progress.status,
        "score": progress.score,
        "attempts": progress.attempts,
        "take": progress.take,
        "started_at": progress.started_at,
        "completed_at": progress.completed_at,
    }


def to_progress(row: ProgressRow) -> Progress:
    return Progress(
        user_id=row.user_id,
        lesson_id=row.lesson_id,
        status=row.status,
        score=row.score,
        attempts=row.attempts,
        take=row.take,
        started_at=row.started_at,
        completed_at=row.completed_at,
    )


def to_answer(row: AnswerRow) -> AnswerRecord:
    return to_answer_record(
        row.user_id,
        row.take,
        row.challenge_id,
        row.attempt,
        row.is_correct,
        row.answer,
        row.answered_at,
    )
