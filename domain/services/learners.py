"""Learners: registration from Telegram, contact tracking, deactivation and deletion."""

from domain.activity import Activity
from domain.enums import ActivityType
from domain.errors import LearnerNotFound
from domain.goals import is_valid_goal
from domain.learners import Learner, LearnerKey, TelegramProfile
from domain.ports import Clock, LearnerPorts
from domain.streaks import is_valid_timezone


class LearnerService:
    def __init__(self, uow: LearnerPorts, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def register(self, profile: TelegramProfile, answering: int | None = None) -> Learner:
        """Get or create the learner behind an update: at most one write, none when fresh.
        ``answering``: the challenge the update's button answers, a hint for the store's
        read (``LearnerRepository.by_telegram_id``); the outcome is the same without it."""
        now = self._clock.now()
        learner = await self._uow.learners.by_telegram_id(profile.telegram_id, answering)
        if learner is None:
            learner = await self._uow.learners.add(profile, now)
        elif learner.needs_contact_refresh(profile, now):
            await self._uow.learners.refresh_contact(learner.id, profile, now)
            learner = learner.contacted(profile, now)
        else:
            return learner
        return learner

    async def log_in(self, profile: TelegramProfile) -> Learner:
        """An explicit start of a session (/start): registered and logged as LOGIN."""
        learner = await self.register(profile)
        await self._uow.activity.add(Activity(learner.id, ActivityType.LOGIN, self._clock.now()))
        return learner

    async def find(self, key: LearnerKey) -> Learner:
        """The learner an operator means; LearnerNotFound names the id that matched nobody."""
        learners = self._uow.learners
        if key.telegram:
            learner = await learners.by_telegram_id(key.number)
        else:
            learner = await learners.get(key.number)
        if learner is None:
            raise LearnerNotFound(f"no learner with {key}")
        return learner

    async def deactivate(self, learner_id: int) -> None:
        if not await self._uow.learners.set_active(learner_id, False, self._clock.now()):
            raise LearnerNotFound(f"no learner with id {learner_id}")

    async def set_timezone(self, learner_id: int, timezone: str | None) -> None:
        if timezone is not None and not is_valid_timezone(timezone):
            raise ValueError(f"unknown time zone {timezone!r}")
        if not await self._uow.learners.set_timezone(learner_id, timezone, self._clock.now()):
            raise LearnerNotFound(f"no learner with id {learner_id}")

    async def set_locale(self, learner_id: int, locale: str | None) -> None:
        """The learner's own choice of interface language; None follows Telegram's."""
        if not await self._uow.learners.set_locale(learner_id, locale, self._clock.now()):
            raise LearnerNotFound(f"no learner with id {learner_id}")

    async def set_daily_goal(self, learner_id: int, points: int) -> None:
        """One of the goals offered (``DAILY_GOALS``); any other is refused."""
        if not is_valid_goal(points):
            raise ValueError(f"no such daily goal: {points}")
        if not await self._uow.learners.set_daily_goal(learner_id, points, self._clock.now()):
            raise LearnerNotFound(f"no learner with id {learner_id}")

    async def await_answer(self, learner: Learner, challenge_id: int | None) -> None:
        """Remember which text challenge the learner's next message answers (one write)."""
        if learner.pending_challenge_id == challenge_id:
            return
        await self._uow.learners.set_pending_challenge(learner.id, challenge_id)

    async def delete(self, learner_id: int) -> None:
        """Remove the learner with everything they left behind, in one transaction."""
        if not await self._uow.learners.delete(learner_id):
            raise LearnerNotFound(f"no learner with id {learner_id}")
