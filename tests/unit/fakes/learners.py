from dataclasses import replace
from datetime import datetime

from domain.learners import Learner, TelegramProfile

from .tables import Tables


class FakeLearnerRepository:
    """Learners in memory; ``writes`` counts the statements that would hit the database."""

    def __init__(self, tables: Tables) -> None:
        self._tables = tables
        self.writes = 0

    async def get(self, learner_id: int) -> Learner | None:
        return self._tables.learners.get(learner_id)

    async def by_telegram_id(
        self, telegram_id: int, answering: int | None = None
    ) -> Learner | None:
        """``answering`` is a read-ahead hint; memory has nothing to read ahead."""
        rows = self._tables.learners.values()
        return next((row for row in rows if row.telegram_id == telegram_id), None)

    async def add(self, profile: TelegramProfile, now: datetime) -> Learner:
        existing = await self.by_telegram_id(profile.telegram_id)
        if existing is not None:
            return existing
        self.writes += 1
        self._tables.last_learner_id += 1
        learner = Learner(
            id=self._tables.last_learner_id,
            telegram_id=profile.telegram_id,
            username=profile.username,
            first_name=profile.first_name,
            last_name=profile.last_name,
            language_code=profile.language_code,
            timezone=None,
            is_active=True,
            first_contact_at=now,
            last_contact_at=now,
        )
        self._tables.learners[learner.id] = learner
        return learner

    async def refresh_contact(
        self, learner_id: int, profile: TelegramProfile, now: datetime
    ) -> None:
        self._update(
            learner_id,
            username=profile.username,
            first_name=profile.first_name,
            last_name=profile.last_name,
            language_code=profile.language_code,
            last_contact_at=now,
            is_active=True,
        )

    async def set_active(self, learner_id: int, active: bool, now: datetime) -> bool:
        return self._update(learner_id, is_active=active)

    async def set_timezone(self, learner_id: int, timezone: str | None, now: datetime) -> bool:
        return self._update(learner_id, timezone=timezone)

    async def set_locale(self, learner_id: int, locale: str | None, now: datetime) -> bool:
        return self._update(learner_id, locale=locale)

    async def set_daily_goal(self, learner_id: int, points: int, now: datetime) -> bool:
        return self._update(learner_id, daily_goal=points)

    async def set_pending_challenge(self, learner_id: int, challenge_id: int | None) -> bool:
        return self._update(learner_id, pending_challenge_id=challenge_id)

    async def delete(self, learner_id: int) -> bool:
        self.writes += 1
        if learner_id not in self._tables.learners:
            return False
        self._tables.forget_learner(learner_id)
        return True

    def _update(self, learner_id: int, **changes: object) -> bool:
        self.writes += 1
        learner = self._tables.learners.get(learner_id)
        if learner is None:
            return False
        self._tables.learners[learner_id] = replace(learner, **changes)  # type: ignore[arg-type]
        return True
