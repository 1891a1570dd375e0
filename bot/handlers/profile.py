"""/profile, /language and /timezone."""

from aiogram import F, Router
from aiogram.filters import CommandObject
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import I18n
from aiogram.utils.i18n import gettext as _

from bot.callbacks import HideCb, LanguageCb, Nav, Screen
from bot.config import LANGUAGES, BotConfig
from bot.rendering.common import escape
from bot.rendering.profile import language_chosen_screen, language_screen, profile_screen
from bot.rendering.reply import show
from bot.services import Services
from domain.learners import Learner


async def profile(
    event: Message | CallbackQuery,
    learner: Learner,
    services: Services,
    config: BotConfig,
    i18n: I18n,
) -> None:
    hidden = await services.leaderboard.is_hidden(learner.id)
    level = await services.journey.level(learner)
    screen = profile_screen(learner, i18n.current_locale, config.default_timezone, hidden, level)
    await show(event, screen)


async def hide(
    query: CallbackQuery,
    callback_data: HideCb,
    learner: Learner,
    services: Services,
    config: BotConfig,
    i18n: I18n,
) -> None:
    """Takes effect at once: the board hides learners when it is read, not when refreshed."""
    await services.leaderboard.set_hidden(learner.id, callback_data.hidden)
    level = await services.journey.level(learner)
    locale = i18n.current_locale
    zone = config.default_timezone
    screen = profile_screen(learner, locale, zone, callback_data.hidden, level)
    await show(query, screen)


async def language(event: Message | CallbackQuery) -> None:
    await show(event, language_screen())


async def choose_language(
    query: CallbackQuery,
    callback_data: LanguageCb,
    learner: Learner,
    services: Services,
    i18n: I18n,
) -> None:
    await services.learners.set_locale(learner.id, callback_data.code)
    with i18n.use_locale(callback_data.code):
        await show(query, language_chosen_screen(learner, callback_data.code))


async def timezone(
    message: Message, command: CommandObject, learner: Learner, services: Services
) -> None:
    name = (command.args or "").strip()
    if not name:
        await message.answer(_("Send your time zone like this: /timezone Europe/Berlin"))
        return
    try:
        await services.learners.set_timezone(learner.id, name)
    except ValueError:
        text = _("I do not know the time zone “{zone}”. Try e.g. Europe/Berlin or Asia/Tokyo.")
        await message.answer(text.format(zone=escape(name[:64])))
        return
    await message.answer(_("Time zone set to {zone}.").format(zone=escape(name)))


def build_router() -> Router:
    router = Router(name=__name__)
    router.callback_query.register(profile, Nav.filter(F.screen == Screen.PROFILE))
    router.callback_query.register(hide, HideCb.filter())
    router.callback_query.register(language, Nav.filter(F.screen == Screen.LANGUAGE))
    router.callback_query.register(choose_language, LanguageCb.filter(F.code.in_(LANGUAGES)))
    return router
