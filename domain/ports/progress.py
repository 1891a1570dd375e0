from datetime import date
from typing import Protocol

from domain.progress import AnswerRecord, AnswerRecorded, CountedAnswer, Progress, Take


class ProgressRepository(Protocol):
    async def get(self, user_id: int, lesson_id: int, *, lock: bool = False) -> Progress | None:
        """With ``lock``, hold the row until commit so concurrent answers queue up."""
        ...

    async def add(self, progress: Progress) -> bool:
        """Insert unless a row for (user, lesson) exists; True when this call inserted it."""
        ...

    async def save(self, progress: Progress) -> None: ...

    async def take(
        self, user_id: int, lesson_id: int, challenge_id: int | None = None
    ) -> Take | None:
        """The progress row, held until commit so concurrent answers queue up, with the
        answers of its current take (and, with ``challenge_id``, its review card)."""
        ...

    async def record_answer(self, take: Take, answer: CountedAnswer) -> AnswerRecorded | None:
        """Write the answer and everything it changes; None, writing nothing, when that
        (user, challenge, take, attempt) is already recorded. It counts in ``take``, as
        ``take()`` read it."""
        ...

    async def for_learner(self, user_id: int) -> list[Progress]: ...


class AnswerRepository(Protocol):
    async def for_take(self, user_id: int, lesson_id: int, take: int) -> list[AnswerRecord]: ...

    async def add(self, record: AnswerRecord) -> bool:
        """Insert unless that (user, challenge, take, attempt) exists; True when inserted."""
        ...


class StudyCalendar(Protocol):
    """The calendar days, in the learner's time zone, on which they studied."""

    async def mark(self, user_id: int, day: date) -> None: ...

    async def days(self, user_id: int) -> list[date]: ...
