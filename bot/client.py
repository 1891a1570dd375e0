"""The aiogram Bot every sender shares: HTML by default, flood control retried."""

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import PRODUCTION, TelegramAPIServer
from aiogram.enums import ParseMode

from bot.middlewares.said import NoteWhatIsSaid
from bot.retry import RetryAfter


def create_bot(token: str, api_url: str | None) -> Bot:
    """HTML replies by default; ``api_url`` points at a local or fake Bot API server."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(api_url) if api_url else PRODUCTION)
    return bot_on(session, token)


def bot_on(session: BaseSession, token: str) -> Bot:
    """The Bot as learnbot runs it, on any session: benchmarks and tests answer locally."""
    session.middleware(RetryAfter())
    session.middleware(NoteWhatIsSaid())
    return Bot(token, session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
