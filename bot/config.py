"""What the bot needs to know about its deployment, handed over by the composition root."""

from dataclasses import dataclass
from pathlib import Path

from domain.freezes import DEFAULT_FREEZES, FreezeRules
from domain.leagues import DEFAULT_RULES, LeagueRules
from domain.levels import DEFAULT_CURVE, LevelCurve
from domain.ports import ReviewScheduler
from domain.review import DEFAULT_RULES as DEFAULT_REVIEW
from domain.review import ReviewRules

LOCALES_DIR = Path(__file__).parent / "locales"
LANGUAGES = {"en": "English", "ru": "Русский"}
"""The interface languages shipped, by gettext code, with their names in themselves."""


@dataclass(frozen=True, slots=True)
class BotConfig:
    admin_ids: frozenset[int] = frozenset()
    default_timezone: str = "UTC"
    default_locale: str = "en"
    board_size: int = 10
    levels: LevelCurve = DEFAULT_CURVE
    freezes: FreezeRules = DEFAULT_FREEZES
    leagues: LeagueRules = DEFAULT_RULES
    review_scheduler: ReviewScheduler | None = None
    """The memory model behind /review and the cards lesson answers write; without one
    (tests of other features), answers write no cards and /review is unavailable."""
    review_rules: ReviewRules = DEFAULT_REVIEW
    webhook_url: str | None = None
    webhook_secret: str | None = None
    webhook_host: str = "0.0.0.0"
    webhook_port: int = 8080
    webhook_path: str = "/telegram"
    webhook_max_connections: int = 40
    """Updates Telegram may hold open at once; no more than the database pool can serve,
    or the rest wait for a connection and may time out."""
    shutdown_grace_seconds: float = 10.0
    throttle_actions: int = 20
    throttle_window_seconds: float = 10.0

    def is_admin(self, telegram_id: int) -> bool:
        return telegram_id in self.admin_ids
