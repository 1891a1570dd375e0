"""Learners: who is studying, as far as the domain needs to know."""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from domain.goals import DEFAULT_DAILY_GOAL

LAST_CONTACT_RESOLUTION = timedelta(minutes=1)
"""Last contact is refreshed at most this often, so most updates cost no write."""


@dataclass(frozen=True, slots=True)
class LearnerKey:
    """How an operator names a learner: by learnbot's own id (``users list``), or by the
    Telegram id that Telegram and the learner's messages show."""

    number: int
    telegram: bool = False

    def __str__(self) -> str:
        return f"Telegram id {self.number}" if self.telegram else f"id {self.number}"


@dataclass(frozen=True, slots=True)
class TelegramProfile:
    """What Telegram tells us about a person with every update."""

    telegram_id: int
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    language_code: str | None = None


@dataclass(frozen=True, slots=True)
class Learner:
    id: int
    telegram_id: int
    username: str | None
    first_name: str | None
    last_name: str | None
    language_code: str | None
    timezone: str | None
    is_active: bool
    first_contact_at: datetime
    last_contact_at: datetime
    locale: str | None = None
    pending_challenge_id: int | None = None
    daily_goal: int = DEFAULT_DAILY_GOAL

    @property
    def display_name(self) -> str:
        return display_name(self.username, self.first_name, self.last_name, self.telegram_id)

    def profile_differs(self, profile: TelegramProfile) -> bool:
        return (self.username, self.first_name, self.last_name, self.language_code) != (
            profile.username,
            profile.first_name,
            profile.last_name,
            profile.language_code,
        )

    def contacted(self, profile: TelegramProfile, now: datetime) -> "Learner":
        """The learner as ``refresh_contact`` leaves them: fresh profile, active, seen now."""
        return replace(
            self,
            username=profile.username,
            first_name=profile.first_name,
            last_name=profile.last_name,
            language_code=profile.language_code,
            is_active=True,
            last_contact_at=now,
        )

    def needs_contact_refresh(self, profile: TelegramProfile, now: datetime) -> bool:
        """True when this update must write: the profile changed or last contact is stale."""
        stale = now - self.last_contact_at >= LAST_CONTACT_RESOLUTION
        return stale or self.profile_differs(profile) or not self.is_active


def display_name(
    username: str | None, first_name: str | None, last_name: str | None, telegram_id: int
) -> str:
    """Username, else full name, else ``User<telegram id>``."""
    if username:
        return username
    full_name = " ".join(part for part in (first_name, last_name) if part)
    return full_name or f"User{telegram_id}"
