"""Application scope: the engine and the unit-of-work factory, built once per process."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import partial

from aiogram.utils.i18n import I18n
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.config import LOCALES_DIR
from bot.rendering.leagues import result_texts
from domain.ports import UnitOfWork
from infrastructure.clock import SystemClock
from infrastructure.db.engine import create_engine, create_session_factory
from infrastructure.db.repositories.catalogue_cache import CatalogueCache
from infrastructure.db.uow import SqlUnitOfWork
from infrastructure.observability import Metrics
from infrastructure.scheduler import ResultText, Scheduler, build_scheduler
from infrastructure.settings import Settings
from learnbot.migrate import DatabaseNotReady, missing_database, require_latest_schema
from learnbot.notifier import notifier


@dataclass(frozen=True, slots=True)
class Application:
    settings: Settings
    engine: AsyncEngine
    session_factory: async_sessionmaker[AsyncSession]
    clock: SystemClock
    catalogue: CatalogueCache
    metrics: Metrics
    """The process's one registry: the bot's updates and the jobs' refreshes share it."""

    def unit_of_work(self) -> UnitOfWork:
        """Request scope: one per update, per job run or per CLI command."""
        return SqlUnitOfWork(self.session_factory, self.catalogue)

    def scheduler(self) -> Scheduler:
        """The jobs, not yet started: ``async with`` it (or ``start()``) inside the loop.

        Reminders are scheduled only when BOT_TOKEN is set: without it nothing can be sent.
        """
        jobs = (self.unit_of_work, self.clock, self.settings, self.metrics)
        if self.settings.bot_token is None:
            return build_scheduler(*jobs)
        return build_scheduler(*jobs, partial(notifier, self.settings), league_news())


def league_news() -> ResultText:
    """The weekly result in each learner's language, worded by the bot's catalogues."""
    return result_texts(I18n(path=LOCALES_DIR, default_locale="en", domain="messages"))


@asynccontextmanager
async def application(settings: Settings) -> AsyncIterator[Application]:
    engine = create_engine(settings)
    try:
        sessions = create_session_factory(engine)
        yield Application(settings, engine, sessions, SystemClock(), CatalogueCache(), Metrics())
    finally:
        await engine.dispose()


@asynccontextmanager
async def ready_application(settings: Settings) -> AsyncIterator[Application]:
    """The application over a database at the latest schema, for every command that reads
    content or learners; DatabaseNotReady says what to run instead. A SQLite file that is
    not there is not created on the way."""
    missing = missing_database(settings.database_url)
    if missing is not None:
        raise DatabaseNotReady(missing)
    async with application(settings) as learnbot:
        await require_latest_schema(learnbot.engine, masked_url(settings.database_url))
        yield learnbot


def masked_url(url: str) -> str:
    """A database URL safe to print: the password replaced by ``***``."""
    return make_url(url).render_as_string(hide_password=True)
