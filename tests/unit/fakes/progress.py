from dataclasses import replace
from datetime import date

from domain.progress import AnswerRecord, AnswerRecorded, CountedAnswer, Progress, Take

from .achievements import FakeTotalsReader
from .catalogue import FakeCatalogue
from .tables import Tables


class FakeProgressRepository:
    """One row per (learner, lesson); ``lock`` is meaningless with a single caller."""

    def __init__(
        self, tables: Tables, answers: "FakeAnswerRepository", totals: FakeTotalsReader
    ) -> None:
        self._tables = tables
        self._answers = answers
        self._totals = totals

    async def get(self, user_id: int, lesson_id: int, *, lock: bool = False) -> Progress | None:
        return self._tables.progress.get((user_id, lesson_id))

    async def add(self, progress: Progress) -> bool:
        key = (progress.user_id, progress.lesson_id)
        if key in self._tables.progress:
            return False
        self._tables.progress[key] = progress
        return True

    async def save(self, progress: Progress) -> None:
        key = (progress.user_id, progress.lesson_id)
        assert key in self._tables.progress, "save() updates a row that add() inserted"
        self._tables.progress[key] = progress

    async def take(
        self, user_id: int, lesson_id: int, challenge_id: int | None = None
    ) -> Take | None:
        progress = self._tables.progress.get((user_id, lesson_id))
        if progress is None:
            return None
        answers = await self._answers.for_take(user_id, lesson_id, progress.take)
        ordered = sorted(answers, key=lambda row: (row.challenge_id, row.attempt))
        card = None if challenge_id is None else self._tables.cards.get((user_id, challenge_id))
        return Take(progress, tuple(ordered), card)

    async def record_answer(self, take: Take, answer: CountedAnswer) -> AnswerRecorded | None:
        """All or nothing, as the SQL adapter: a recorded attempt changes nothing else."""
        if not await self._answers.add(answer.record):
            return None
        await self.save(answer.progress)
        self._tables.activities.extend(answer.activities)
        if answer.card is not None:
            self._tables.cards[answer.card.user_id, answer.card.challenge_id] = answer.card
        learner = self._tables.learners.get(answer.record.user_id)
        if answer.ends_wait and learner is not None:
            waiting = learner.pending_challenge_id == answer.record.challenge_id
            self._tables.learners[learner.id] = replace(
                learner, pending_challenge_id=None if waiting else learner.pending_challenge_id
            )
        if answer.study_day is None:
            return AnswerRecorded(None)
        self._tables.study_days.add((answer.record.user_id, answer.study_day))
        return AnswerRecorded(await self._totals.facts(answer.record.user_id, answer.day_start))

    async def for_learner(self, user_id: int) -> list[Progress]:
        return [row for (owner, _), row in self._tables.progress.items() if owner == user_id]


class FakeAnswerRepository:
    """Answers keyed by (learner, challenge, take, attempt), the real unique key."""

    def __init__(self, tables: Tables, catalogue: FakeCatalogue) -> None:
        self._tables = tables
        self._catalogue = catalogue

    async def for_take(self, user_id: int, lesson_id: int, take: int) -> list[AnswerRecord]:
        return [
            row
            for row in self._tables.answers.values()
            if row.user_id == user_id
            and row.take == take
            and self._catalogue.lesson_of(row.challenge_id) == lesson_id
        ]

    async def add(self, record: AnswerRecord) -> bool:
        key = (record.user_id, record.challenge_id, record.take, record.attempt)
        if key in self._tables.answers:
            return False
        self._tables.answers[key] = record
        return True

    def of(self, user_id: int, challenge_id: int) -> list[AnswerRecord]:
        """Every take's answers to one challenge, for assertions."""
        rows = self._tables.answers.values()
        return [row for row in rows if (row.user_id, row.challenge_id) == (user_id, challenge_id)]


class FakeStudyCalendar:
    def __init__(self, tables: Tables) -> None:
        self._tables = tables

    async def mark(self, user_id: int, day: date) -> None:
        self._tables.study_days.add((user_id, day))

    async def days(self, user_id: int) -> list[date]:
        return sorted(day for owner, day in self._tables.study_days if owner == user_id)
