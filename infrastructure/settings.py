"""Settings from the environment and ``.env``: one place that says what can be configured."""

from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

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
    bot_token: SecretStr | None = None
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()

    @field_validator("default_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        if not is_valid_timezone(value):
            raise ValueError(f"unknown time zone {value!r}")
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(" ", "").split(",") if part)
        return value
