"""Logs never show the bot token, other secrets or database passwords, in either format."""

import io
import json
import logging
from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from infrastructure.logging import configure_logging, secrets_of, setup_logging
from infrastructure.settings import Settings

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
PASSWORD = "hunter2-db-pass"
URL = f"postgresql+asyncpg://learnbot:{PASSWORD}@db:5432/learnbot"
log = logging.getLogger("tests.logging")


@pytest.fixture
def settings() -> Settings:
    return Settings(bot_token=SecretStr(TOKEN), database_url=URL, log_format="plain")


@pytest.fixture
def captured(settings: Settings) -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = configure_logging(settings, stream)
    try:
        yield stream
    finally:
        logging.getLogger().removeHandler(handler)


def provoke_database_error() -> None:
    """An error whose text carries the URL, as a driver or a config typo would produce."""
    try:
        raise ConnectionRefusedError(f"could not connect to {URL}")
    except ConnectionRefusedError as error:
        raise RuntimeError(f"start-up failed with token {TOKEN}") from error


def test_secrets_come_from_secret_settings_and_url_passwords(settings: Settings) -> None:
    assert set(secrets_of(settings)) == {TOKEN, PASSWORD}


def test_messages_and_their_arguments_are_masked(captured: io.StringIO) -> None:
    log.warning("calling https://api.telegram.org/bot%s/getMe", TOKEN)
    log.info("database is %s", URL)

    text = captured.getvalue()
    assert TOKEN not in text
    assert PASSWORD not in text
    assert "/bot***/getMe" in text
    assert "postgresql+asyncpg://learnbot:***@db:5432/learnbot" in text


def test_exception_text_and_its_causes_are_masked(captured: io.StringIO) -> None:
    try:
        provoke_database_error()
    except RuntimeError:
        log.exception("the bot could not start")

    text = captured.getvalue()
    assert "ConnectionRefusedError" in text
    assert "start-up failed with token ***" in text
    assert TOKEN not in text
    assert PASSWORD not in text


def test_unknown_secrets_are_masked_by_their_shape() -> None:
    stream = io.StringIO()
    handler = setup_logging(stream=stream)
    try:
        log.error("leaked 987654321:ZZZdqTcvCH1vGWJxfSeofSAs0K5PALDxyz in mysql://u:pw@h/db")
    finally:
        logging.getLogger().removeHandler(handler)

    assert stream.getvalue().rstrip().endswith("leaked *** in mysql://u:***@h/db")


def test_json_lines_carry_extras_and_masked_tracebacks(settings: Settings) -> None:
    stream = io.StringIO()
    handler = configure_logging(settings.model_copy(update={"log_format": "json"}), stream)
    try:
        try:
            provoke_database_error()
        except RuntimeError:
            log.exception("update failed", extra={"update_id": 7, "kind": "message"})
    finally:
        logging.getLogger().removeHandler(handler)

    entry = json.loads(stream.getvalue())
    assert (entry["level"], entry["logger"], entry["message"]) == (
        "ERROR",
        "tests.logging",
        "update failed",
    )
    assert (entry["update_id"], entry["kind"]) == (7, "message")
    assert "ConnectionRefusedError" in entry["exception"]
    assert TOKEN not in stream.getvalue()
    assert PASSWORD not in stream.getvalue()


def test_setting_up_twice_keeps_one_handler(settings: Settings) -> None:
    first = configure_logging(settings, io.StringIO())
    second = configure_logging(settings, io.StringIO())
    try:
        assert first not in logging.getLogger().handlers
        assert second in logging.getLogger().handlers
    finally:
        logging.getLogger().removeHandler(second)


def test_level_and_format_are_read_case_insensitively(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", "debug")
    monkeypatch.setenv("LOG_FORMAT", "JSON")

    settings = Settings()

    assert (settings.log_level, settings.log_format) == ("DEBUG", "json")
