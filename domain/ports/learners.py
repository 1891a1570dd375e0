from datetime import datetime
from typing import Protocol

from domain.learners import Learner, TelegramProfile


class LearnerRepository(Protocol):
    async def get(self, learner_id: int) -> Learner | None: ...

    async def by_telegram_id(
        self, telegram_id: int, answering: int | None = None
    ) -> Learner | None:
        """``answering``: the challenge the update answers, when its button says so; a store
        may read ahead what that answer reads next (``ProgressRepository.take``). The
        learner returned, and every later read, are the same with or without it."""
        ...

    async def add(self, profile: TelegramProfile, now: datetime) -> Learner:
        """Insert the learner, or return the one a concurrent update inserted first."""
        ...

    async def refresh_contact(
        self, learner_id: int, profile: TelegramProfile, now: datetime
    ) -> None:
        """One write: new profile fields, last contact, and active again."""
        ...

    async def set_active(self, learner_id: int, active: bool, now: datetime) -> bool: ...

    async def set_timezone(self, learner_id: int, timezone: str | None, now: datetime) -> bool: ...

    async def set_locale(self, learner_id: int, locale: str | None, now: datetime) -> bool: ...

    async def set_daily_goal(self, learner_id: int, points: int, now: datetime) -> bool: ...

    async def set_pending_challenge(self, learner_id: int, challenge_id: int | None) -> bool:
        """Remember the text challenge the learner's next typed message answers."""
        ...

    async def delete(self, learner_id: int) -> bool:
        """Remove the learner and every row that belongs to them."""
        ...
