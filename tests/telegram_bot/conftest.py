"""An i18n context for the tests that render screens without the dispatcher."""

from collections.abc import Iterator

import pytest
from aiogram.utils.i18n import I18n

from bot.config import LOCALES_DIR


@pytest.fixture
def i18n() -> Iterator[I18n]:
    i18n = I18n(path=LOCALES_DIR, default_locale="en")
    with i18n.context():
        yield i18n
