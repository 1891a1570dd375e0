"""Commands for ADMIN_IDS only; anyone else is answered as if the command did not exist."""

from uuid import UUID

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import CommandObject, Filter
from aiogram.types import Message
from aiogram.utils.i18n import gettext as _

from bot.config import BotConfig
from bot.rendering.admin import inbox_text, stats_text
from bot.rendering.common import escape
from bot.services import Services
from domain.learners import Learner
from domain.services.commits import before_sending


class IsAdmin(Filter):
    async def __call__(self, message: Message, learner: Learner, config: BotConfig) -> bool:
        return config.is_admin(learner.telegram_id)


async def stats(message: Message, services: Services) -> None:
    await message.answer(stats_text(await services.stats.collect(top_lessons=5)))


async def inbox(message: Message, services: Services) -> None:
    await message.answer(inbox_text(await services.inbox.listed(limit=10)))


async def reply(message: Message, command: CommandObject, services: Services, bot: Bot) -> None:
    """``/reply <id> <text>``: stored first, then sent, so a failed send loses nothing."""
    target, _sep, text = (command.args or "").strip().partition(" ")
    item = _uuid(target)
    if item is None or not text.strip():
        await message.answer(_("Use: /reply MESSAGE-ID your answer"))
        return
    answer = await services.inbox.reply(item, text)
    await before_sending(services.uow)
    try:
        await bot.send_message(answer.telegram_id, "💬 " + escape(answer.text))
    except TelegramAPIError:
        await message.answer(_("Reply stored, but it could not be delivered."))
        return
    await message.answer(_("Reply sent."))


async def resolve(message: Message, command: CommandObject, services: Services) -> None:
    item = _uuid((command.args or "").strip())
    if item is None:
        await message.answer(_("Use: /resolve MESSAGE-ID"))
        return
    await services.inbox.resolve(item)
    await message.answer(_("Resolved."))


def _uuid(text: str) -> UUID | None:
    try:
        return UUID(text)
    except ValueError:
        return None
