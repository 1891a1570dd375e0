from typing import Any

from aiogram.types import TelegramObject
from aiogram.utils.i18n import I18n, I18nMiddleware

from domain.learners import Learner


class LearnerLocale(I18nMiddleware):
    """The learner's chosen language, else Telegram's, else the default."""

    def __init__(self, i18n: I18n) -> None:
        super().__init__(i18n)

    async def get_locale(self, event: TelegramObject, data: dict[str, Any]) -> str:
        learner: Learner | None = data.get("learner")
        if learner is None:
            return self.i18n.default_locale
        return pick_locale(learner, self.i18n.available_locales, self.i18n.default_locale)


def pick_locale(learner: Learner, available: tuple[str, ...], default: str) -> str:
    for wanted in (learner.locale, learner.language_code):
        code = (wanted or "").split("-")[0].lower()
        if code in available:
            return code
    return default
