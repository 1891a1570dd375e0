"""Logging, set up once per process: plain or JSON lines, with secrets masked everywhere.

The mask is a handler filter, so it applies to every logger (aiogram, SQLAlchemy, ours)
and to exception text as well as messages.
"""

import json
import logging
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import IO, Literal
from urllib.parse import urlsplit

from pydantic import SecretStr
from pydantic_settings import BaseSettings

from infrastructure.settings import Settings

MASK = "***"
MIN_LITERAL_SECRET = 6
"""Shorter secrets are masked only where their shape gives them away (URLs, tokens)."""
URL_PASSWORD = re.compile(r"(?P<head>\b[a-z][a-z0-9+.-]*://[^:/@\s]+:)[^@\s]+@", re.IGNORECASE)
BOT_TOKEN = re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{30,}")
PLAIN = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"
STANDARD_FIELDS = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class SecretMasker(logging.Filter):
    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        known = {secret for secret in secrets if len(secret) >= MIN_LITERAL_SECRET}
        self._secrets = sorted(known, key=len, reverse=True)

    def mask(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        text = URL_PASSWORD.sub(rf"\g<head>{MASK}@", text)
        return BOT_TOKEN.sub(MASK, text)

    def filter(self, record: logging.LogRecord) -> bool:
        """Render the message and the traceback now, masked, so no formatter sees secrets."""
        record.msg, record.args = self.mask(record.getMessage()), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.mask(record.exc_text)
        if record.stack_info:
            record.stack_info = self.mask(record.stack_info)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line; ``extra={...}`` fields are kept as keys."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry |= {k: v for k, v in vars(record).items() if k not in STANDARD_FIELDS}
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False, default=str)


class CurrentStderr(logging.StreamHandler[IO[str]]):
    """Writes to whatever ``sys.stderr`` is at the time (CLI runners swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def secrets_of(settings: BaseSettings) -> list[str]:
    """Every SecretStr setting, and the password of every URL setting."""
    found = []
    for _, value in settings:
        if isinstance(value, SecretStr):
            found.append(value.get_secret_value())
        elif isinstance(value, str) and "://" in value:
            found.append(urlsplit(value).password or "")
    return [secret for secret in found if secret]


def setup_logging(
    level: str = "INFO",
    style: Literal["plain", "json"] = "plain",
    secrets: Iterable[str] = (),
    stream: IO[str] | None = None,
) -> logging.Handler:
    """Replace the root handler; calling it again (tests, reloads) does not stack handlers."""
    handler: logging.Handler = CurrentStderr() if stream is None else logging.StreamHandler(stream)
    handler.addFilter(SecretMasker(secrets))
    handler.setFormatter(JsonFormatter() if style == "json" else logging.Formatter(PLAIN))
    handler.set_name("learnbot")
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == "learnbot"]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    return handler


def configure_logging(settings: Settings, stream: IO[str] | None = None) -> logging.Handler:
    """LOG_LEVEL and LOG_FORMAT, masking BOT_TOKEN, every other secret and DB passwords."""
    return setup_logging(settings.log_level, settings.log_format, secrets_of(settings), stream)
