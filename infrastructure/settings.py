"""Settings from the environment and ``.env``: one place that says what can be configured."""

from datetime import timedelta
from typing import Annotated, Literal

from apscheduler.triggers.cron import CronTrigger
from pydantic import Field, SecretStr, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from domain.freezes import MAX_FREEZES, FreezeRules
from domain.leagues import MAX_TIERS, LeagueRules
from domain.levels import MAX_LEVELS, CurveKind, LevelCurve
from domain.review import ReviewRules
from domain.streaks import is_valid_timezone

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./learnbot.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = DEFAULT_DATABASE_URL
    db_pool_size: int = Field(3, ge=1)
    db_max_overflow: int = Field(2, ge=0)
    db_pool_recycle: int = Field(3600, ge=1, description="seconds; below MySQL wait_timeout")
    db_echo: bool = False
    default_timezone: str = "UTC"
    leaderboard_refresh_seconds: int = Field(60, ge=1)
    leaderboard_full_refresh_cron: str = Field(
        "30 3 * * *", description="crontab in DEFAULT_TIMEZONE; empty turns it off"
    )
    level_curve: CurveKind = CurveKind.EXPONENTIAL
    level_base: int = Field(30, ge=1, description="points from level 1 to level 2")
    level_growth: float = Field(
        1.3, ge=1, description="exponential: each level costs this times the last"
    )
    level_count: int = Field(10, ge=2, le=MAX_LEVELS, description="the top level")
    streak_freeze_max: int = Field(
        2, ge=0, le=MAX_FREEZES, description="streak freezes a learner holds at most; 0: off"
    )
    streak_freeze_every: int = Field(
        7, ge=0, description="a freeze for every run of this many kept days; 0: none earned"
    )
    league_size: int = Field(30, ge=2, description="learners per league at most")
    league_tiers: int = Field(5, ge=1, le=MAX_TIERS, description="tiers, Bronze first")
    league_promote: int = Field(5, ge=0, description="the top of a league moving up")
    league_demote: int = Field(5, ge=0, description="the bottom of a league moving down")
    league_rollover_cron: str = Field(
        "5 * * * *",
        description="crontab in DEFAULT_TIMEZONE: closes an ended week, tells the results; "
        "empty turns it off",
    )
    review_fast_seconds: float = Field(
        8.0, ge=0, description="a first-try answer within this of the question is Easy"
    )
    review_points: int = Field(1, ge=0, le=100, description="today's points per right review")
    review_retention: float = Field(
        0.9, ge=0.7, le=0.97, description="FSRS: the recall probability a review is due at"
    )
    bot_token: SecretStr | None = None
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    telegram_api_url: str | None = Field(None, description="base URL of another Bot API server")
    telegram_retry_seconds: float = Field(
        60.0, ge=0, description="how long `learnbot run` retries an unreachable Bot API"
    )
    webhook_url: str | None = Field(None, description="public HTTPS URL; unset means polling")
    webhook_secret: SecretStr | None = None
    webhook_host: str = "0.0.0.0"
    webhook_port: int = Field(8080, ge=1, le=65535)
    webhook_path: str = "/telegram"
    throttle_actions: int = Field(20, ge=1, description="per learner within the window")
    throttle_window_seconds: float = Field(10.0, gt=0)
    auto_migrate: bool = Field(False, description="alembic upgrade head on start-up")
    log_format: Literal["plain", "json"] = "plain"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    metrics_port: int | None = Field(None, ge=1, le=65535, description="/healthz and /metrics")
    memory_trim_seconds: float = Field(
        10.0, ge=0, description="how often `learnbot run` hands freed memory back; 0: never"
    )

    def levels(self) -> LevelCurve:
        return LevelCurve(self.level_curve, self.level_base, self.level_growth, self.level_count)

    def freezes(self) -> FreezeRules:
        return FreezeRules(self.streak_freeze_every, self.streak_freeze_max)

    def leagues(self) -> LeagueRules:
        return LeagueRules(
            self.league_size, self.league_tiers, self.league_promote, self.league_demote
        )

    def review_rules(self) -> ReviewRules:
        return ReviewRules(timedelta(seconds=self.review_fast_seconds), self.review_points)

    @field_validator("level_curve", mode="before")
    @classmethod
    def _curve_name(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("default_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        if not is_valid_timezone(value):
            raise ValueError(f"unknown time zone {value!r}")
        return value

    @field_validator("leaderboard_full_refresh_cron", "league_rollover_cron")
    @classmethod
    def _crontab(cls, value: str) -> str:
        """Five crontab fields (refused at start-up, not at the first run), or empty."""
        value = " ".join(value.split())
        if value:
            CronTrigger.from_crontab(value)
        return value

    @field_validator("log_level", "log_format", mode="before")
    @classmethod
    def _case_insensitive(cls, value: object, info: ValidationInfo) -> object:
        if not isinstance(value, str):
            return value
        return value.upper() if info.field_name == "log_level" else value.lower()

    @field_validator("bot_token", "webhook_secret", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(" ", "").split(",") if part)
        return value
