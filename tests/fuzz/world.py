"""The world every fuzz example runs in: a course, two learners, the real dispatcher.

Ada has opened the first lesson and answered its first challenge once (wrongly); Bob has
only pressed /start. Every example must leave what they own exactly as it was.
"""

import itertools
import logging
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode
from sqlalchemy.engine import URL

from bot.callbacks import FinishCb, LessonCb, PickCb
from bot.dispatcher import build_dispatcher
from bot.handlers.errors import SORRY
from domain.enums import ActivityType
from domain.ports import UnitOfWork, UnitOfWorkFactory
from infrastructure.clock import SystemClock
from infrastructure.db.models import Base
from infrastructure.settings import Settings
from learnbot.app import Application, application
from learnbot.telegram import bot_config
from tests.fuzz.session import LocalSession
from tests.support.course import Course, seed_course
from tests.support.databases import migrate

TOKEN = "4242:fuzz"
BOT_USER = {"id": 4242, "is_bot": True, "first_name": "learnbot"}
ADA = {"id": 9001, "is_bot": False, "first_name": "Ada", "language_code": "en"}
BOB = {"id": 9002, "is_bot": False, "first_name": "Bob", "language_code": "ru"}
OWNED = (
    "user_progress",
    "challenge_answers",
    "activity_log",
    "user_achievements",
    "study_days",
    "learner_totals",
    "leaderboard_cache",
)
"""What a learner's actions write, besides their own ``users`` row (profile, last
contact, settings) and the update journal."""
APOLOGY = "Something went wrong on our side"
Snapshot = dict[str, list[tuple[Any, ...]]]


@dataclass
class Kept:
    """What the dispatcher did with the fuzzed updates, beyond the database."""

    ok: list[bool] = field(default_factory=list)

    def observe_update(self, kind: str, seconds: float, ok: bool) -> None:
        self.ok.append(ok)


class Target:
    """The unit-of-work factory of the world being fuzzed. aiogram attaches the project's
    routers to one dispatcher per process, so the dispatcher is built once and each
    backend's world points it at its own database."""

    def __init__(self) -> None:
        self.factory: UnitOfWorkFactory | None = None

    def __call__(self) -> UnitOfWork:
        assert self.factory is not None, "no world is being fuzzed"
        return self.factory()


@dataclass
class Wiring:
    """The dispatcher as the composition root builds it, and a bot answering locally."""

    dispatcher: Dispatcher
    bot: Bot
    session: LocalSession
    outcomes: Kept
    target: Target
    settings: Settings


def wiring() -> Wiring:
    """The throttle is out of reach, so every update meets a handler."""
    settings = Settings(throttle_actions=10**9)
    target, outcomes, session = Target(), Kept(), LocalSession()
    dispatcher, _ = build_dispatcher(target, SystemClock(), bot_config(settings), outcomes)
    bot = Bot(TOKEN, session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    return Wiring(dispatcher, bot, session, outcomes, target, settings)


@dataclass
class World:
    app: Application
    wired: Wiring
    course: Course
    update_ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def session(self) -> LocalSession:
        return self.wired.session

    async def feed(self, update: dict[str, Any]) -> None:
        """Through ``feed_raw_update``, as the webhook handler feeds what Telegram posts."""
        self.wired.target.factory = self.app.unit_of_work
        await self.wired.dispatcher.feed_raw_update(
            self.wired.bot, {"update_id": next(self.update_ids)} | update
        )

    async def press(self, user: dict[str, Any], data: str) -> str:
        """A callback query on the bot's last screen; returns its id."""
        query_id = f"q{next(self.update_ids)}"
        message = {"message_id": 1, "date": 0, "chat": private(user), "from": BOT_USER}
        query = {"id": query_id, "from": user, "chat_instance": "fuzz", "data": data}
        await self.feed({"callback_query": query | {"message": message | {"text": "…"}}})
        return query_id

    async def say(self, user: dict[str, Any], text: str) -> None:
        message = {"message_id": 1, "date": 0, "chat": private(user), "from": user}
        await self.feed({"message": message | {"text": text}})

    def forget(self, errors: list[logging.LogRecord]) -> None:
        """Each example is judged on its own calls, outcomes and log records."""
        self.session.calls.clear()
        self.wired.outcomes.ok.clear()
        errors.clear()

    def assert_no_failure(self, errors: Sequence[logging.LogRecord]) -> None:
        """Nothing escaped the dispatcher, nothing was logged as an error, and nobody was
        told "something went wrong": every input met a handler or a polite refusal."""
        assert all(self.wired.outcomes.ok), "an exception escaped the dispatcher"
        assert not errors, errors[0].getMessage()
        said = [str(getattr(call, "text", "")) for call in self.session.calls]
        assert not [text for text in said if APOLOGY in text or SORRY in text]

    async def unchanged_since(self, before: Snapshot) -> Snapshot:
        """The rows now; when they differ, ``before`` is written back first, so the next
        example (and hypothesis replaying this one while it shrinks) starts from the same
        world."""
        after = await self.snapshot()
        if after != before:
            async with self.app.engine.begin() as connection:
                for table in reversed(owned_tables()):
                    await connection.execute(table.delete())
                for table in owned_tables():
                    rows = [
                        dict(zip(table.c.keys(), row, strict=True)) for row in before[table.name]
                    ]
                    if rows:
                        await connection.execute(table.insert(), rows)
        return after

    async def snapshot(self) -> Snapshot:
        async with self.app.engine.connect() as connection:
            return {
                table.name: sorted(map(tuple, await connection.execute(sa.select(table))), key=repr)
                for table in owned_tables()
            }


def without_logins(snapshot: Snapshot) -> tuple[Snapshot, int]:
    """The snapshot without LOGIN activity, which /start logs by design, and its count."""
    kind = next(table.c.keys() for table in owned_tables() if table.name == "activity_log")
    position = kind.index("activity_type")
    rest = [row for row in snapshot["activity_log"] if row[position] != ActivityType.LOGIN]
    logins = len(snapshot["activity_log"]) - len(rest)
    return snapshot | {"activity_log": rest}, logins


def owned_tables() -> list[sa.Table]:
    """In dependency order: children after their parents."""
    return [table for table in Base.metadata.sorted_tables if table.name in OWNED]


def private(user: dict[str, Any]) -> dict[str, Any]:
    return {"id": user["id"], "type": "private"}


@asynccontextmanager
async def world(url: URL, wired: Wiring) -> AsyncIterator[World]:
    """A migrated database with the course and both learners, the dispatcher pointed at it."""
    database_url = url.render_as_string(hide_password=False)
    async with application(wired.settings.model_copy(update={"database_url": database_url})) as app:
        await migrate(app.engine)
        ready = World(app, wired, await seed_course(app.engine))
        await set_up_learners(ready)
        yield ready


async def set_up_learners(world: World) -> None:
    course = world.course
    await world.say(ADA, "/start")
    await world.press(ADA, LessonCb(lesson_id=course.first_lesson).pack())
    await world.press(ADA, FinishCb(lesson_id=course.first_lesson).pack())
    await world.press(ADA, PickCb(challenge_id=course.single, attempt=1, option=0).pack())
    await world.say(BOB, "/start")
    owned = await world.snapshot()
    assert (len(owned["user_progress"]), len(owned["challenge_answers"])) == (1, 1), owned
