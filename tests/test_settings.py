"""Settings from the environment and ``.env``, and what the CLI prints about them."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from domain.freezes import DEFAULT_FREEZES, FreezeRules
from domain.leagues import DEFAULT_RULES, LeagueRules
from domain.levels import DEFAULT_CURVE, CurveKind, LevelCurve
from infrastructure.settings import DEFAULT_DATABASE_URL, Settings
from learnbot.app import masked_url

VARIABLES = [
    "DATABASE_URL",
    "DEFAULT_TIMEZONE",
    "ADMIN_IDS",
    "BOT_TOKEN",
    "DB_POOL_SIZE",
    "LEADERBOARD_FULL_REFRESH_CRON",
    "LEVEL_CURVE",
    "LEVEL_BASE",
    "LEVEL_GROWTH",
    "LEVEL_COUNT",
]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def test_defaults_are_an_embedded_database_and_small_pools() -> None:
    settings = Settings()

    assert settings.database_url == DEFAULT_DATABASE_URL
    assert settings.database_url.startswith("sqlite+aiosqlite:///./")
    assert (settings.db_pool_size, settings.db_max_overflow) == (3, 2)
    assert settings.db_pool_recycle == 3600
    assert settings.default_timezone == "UTC"
    assert settings.bot_token is None


def test_environment_overrides_and_admin_ids_are_comma_separated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ADMIN_IDS", "12, 34,")
    monkeypatch.setenv("DEFAULT_TIMEZONE", "Asia/Tokyo")

    settings = Settings()

    assert settings.admin_ids == frozenset({12, 34})
    assert settings.default_timezone == "Asia/Tokyo"


def test_a_dotenv_file_in_the_working_directory_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("DATABASE_URL=postgresql+asyncpg://u:p@db/learnbot\n")

    assert Settings().database_url == "postgresql+asyncpg://u:p@db/learnbot"


def test_an_unknown_time_zone_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEFAULT_TIMEZONE", "Mars/Olympus")

    with pytest.raises(ValidationError, match="unknown time zone"):
        Settings()


def test_the_full_refresh_is_nightly_by_default_and_a_bad_crontab_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Settings().leaderboard_full_refresh_cron == "30 3 * * *"
    monkeypatch.setenv("LEADERBOARD_FULL_REFRESH_CRON", " ")
    assert Settings().leaderboard_full_refresh_cron == "", "empty turns it off"
    monkeypatch.setenv("LEADERBOARD_FULL_REFRESH_CRON", "0  4 * *  sun")
    assert Settings().leaderboard_full_refresh_cron == "0 4 * * sun"

    for wrong in ("daily", "30 25 * * *"):
        monkeypatch.setenv("LEADERBOARD_FULL_REFRESH_CRON", wrong)
        with pytest.raises(ValidationError, match="leaderboard_full_refresh_cron"):
            Settings()


def test_the_level_curve_is_exponential_by_default_and_configurable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Settings().levels() == DEFAULT_CURVE
    monkeypatch.setenv("LEVEL_CURVE", " Linear ")
    monkeypatch.setenv("LEVEL_BASE", "50")
    monkeypatch.setenv("LEVEL_COUNT", "20")

    assert Settings().levels() == LevelCurve(CurveKind.LINEAR, 50, 1.3, 20)


@pytest.mark.parametrize(
    ("name", "value"),
    [("LEVEL_CURVE", "cubic"), ("LEVEL_BASE", "0"), ("LEVEL_GROWTH", "0.5"), ("LEVEL_COUNT", "1")],
)
def test_a_level_curve_that_makes_no_sense_is_refused(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)

    with pytest.raises(ValidationError, match=name.lower()):
        Settings()


def test_streak_freezes_default_to_two_held_and_one_a_week(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Settings().freezes() == DEFAULT_FREEZES == FreezeRules(every=7, cap=2)
    monkeypatch.setenv("STREAK_FREEZE_MAX", "0")
    monkeypatch.setenv("STREAK_FREEZE_EVERY", "10")

    assert Settings().freezes() == FreezeRules(every=10, cap=0)


@pytest.mark.parametrize(
    ("name", "value"),
    [("STREAK_FREEZE_MAX", "11"), ("STREAK_FREEZE_MAX", "-1"), ("STREAK_FREEZE_EVERY", "-7")],
)
def test_streak_freeze_settings_out_of_range_are_refused(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)

    with pytest.raises(ValidationError, match=name.lower()):
        Settings()


def test_the_bot_token_is_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TOKEN", "123:secret-token")

    settings = Settings()

    assert "secret-token" not in repr(settings)
    assert settings.bot_token is not None
    assert settings.bot_token.get_secret_value() == "123:secret-token"


def test_database_passwords_are_masked_when_printed() -> None:
    shown = masked_url("postgresql+asyncpg://learnbot:hunter2@db:5432/learnbot")

    assert "hunter2" not in shown
    assert shown == "postgresql+asyncpg://learnbot:***@db:5432/learnbot"


def test_leagues_are_configurable_and_their_rollover_checked_hourly_by_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Settings().leagues() == DEFAULT_RULES == LeagueRules(30, 5, 5, 5)
    assert Settings().league_rollover_cron == "5 * * * *"
    for name, value in (("LEAGUE_SIZE", "20"), ("LEAGUE_TIERS", "7"), ("LEAGUE_DEMOTE", "3")):
        monkeypatch.setenv(name, value)

    assert Settings().leagues() == LeagueRules(20, 7, 5, 3)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("LEAGUE_SIZE", "1"),
        ("LEAGUE_TIERS", "21"),
        ("LEAGUE_PROMOTE", "-1"),
        ("LEAGUE_ROLLOVER_CRON", "weekly"),
    ],
)
def test_leagues_that_make_no_sense_are_refused(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)

    with pytest.raises(ValidationError, match=name.lower()):
        Settings()
