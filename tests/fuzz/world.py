"""The world every fuzz example runs in: a course, two learners, the real dispatcher.

Ada has opened the first lesson and answered its first challenge once (wrongly); Bob has
only pressed /start. Every example must leave what they own exactly as it was.
"""

import itertools
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import URL

from bot.callbacks import FinishCb, LessonCb, PickCb
from learnbot.app import Application, application
from tests.fuzz.rows import Snapshot, restore, snapshot
from tests.fuzz.wiring import BOT_USER, Wiring
from tests.support.course import Course, seed_course
from tests.support.databases import migrate

ADA = {"id": 9001, "is_bot": False, "first_name": "Ada", "language_code": "en"}
BOB = {"id": 9002, "is_bot": False, "first_name": "Bob", "language_code": "ru"}


@dataclass
class World:
    app: Application
    wired: Wiring
    course: Course
    update_ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

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

    async def snapshot(self) -> Snapshot:
        return await snapshot(self.app.engine)

    async def unchanged_since(self, before: Snapshot) -> Snapshot:
        """The rows now; when they differ, ``before`` is written back first, so the next
        example (and hypothesis replaying this one while it shrinks) starts from the same
        world."""
        after = await self.snapshot()
        if after != before:
            await restore(self.app.engine, before)
        return after


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
