"""Commands for ADMIN_IDS only; anyone else is answered as if the command did not exist."""

from aiogram import Router
from aiogram.filters import Command, Filter
from aiogram.types import Message

from bot.config import BotConfig
from bot.rendering.admin import stats_text
from bot.services import Services
from domain.learners import Learner

router = Router(name=__name__)


class IsAdmin(Filter):
    async def __call__(self, message: Message, learner: Learner, config: BotConfig) -> bool:
        return config.is_admin(learner.telegram_id)


router.message.filter(IsAdmin())


@router.message(Command("stats"))
async def stats(message: Message, services: Services) -> None:
    await message.answer(stats_text(await services.stats.collect(top_lessons=5)))
