"""Publish a generated 1,000-lesson course pack and time it (target: <= 5 s on PostgreSQL).

    .venv/bin/python bench/publish.py [--lessons 1000] [--server postgresql+asyncpg://…]

A scratch database is created on the server, migrated, timed and dropped. Four figures:
reading and validating the pack, the first publish (everything added), publishing the
same pack again (nothing changes) and a publish in which one lesson in ten changed.
"""

import argparse
import asyncio
import os
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from infrastructure.clock import SystemClock
from infrastructure.db.engine import create_engine, create_session_factory
from infrastructure.db.repositories.catalogue_cache import CatalogueCache
from infrastructure.db.uow import SqlUnitOfWork
from infrastructure.settings import Settings
from learnbot.content import publish, read_pack
from learnbot.migrate import alembic_config

SERVER = os.environ.get(
    "LEARNBOT_BENCH_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
LESSONS_PER_MODULE = 50


def write_pack(root: Path, lessons: int, revision: int = 0) -> Path:
    """``lessons`` lessons of three challenges each; ``revision`` rewrites every tenth one."""
    root.mkdir(parents=True)
    (root / "course.yaml").write_text(ACHIEVEMENTS, encoding="utf-8")
    for number in range(lessons):
        module, position = divmod(number, LESSONS_PER_MODULE)
        folder = root / f"{module + 1:03d}-module"
        if position == 0:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "module.yaml").write_text(
                f"slug: module-{module + 1}\ntitle: Module {module + 1}\n", encoding="utf-8"
            )
        edited = revision if number % 10 == 0 else 0
        (folder / f"{position + 1:03d}-lesson.md").write_text(
            LESSON.format(n=number, edit=edited), encoding="utf-8"
        )
    return root


LESSON = """---
slug: lesson-{n}
title: Lesson {n} (revision {edit})
estimated_duration: 5
challenges:
  - slug: single
    kind: single_choice
    prompt: What is {n} + 1?
    options: ["{n}", "{n} + 1 worked out"]
    answer: "{n} + 1 worked out"
  - slug: multiple
    kind: multiple_choice
    prompt: Pick the even ones
    options: ["2", "3", "4"]
    answers: ["2", "4"]
  - slug: text
    kind: text
    prompt: Type {n}
    answer: "{n}"
---

# Lesson {n}

Some **text** for lesson {n}, with `code` and a list:

- one
- two
"""

ACHIEVEMENTS = """title: Generated course
achievements:
  - slug: first
    type: LESSON_COMPLETED
    title: First
    criteria: {lessons_completed: 1}
"""


async def timed(label: str, action: Callable[[], Awaitable[object]]) -> None:
    started = time.perf_counter()
    result = await action()
    print(f"{label:<34} {time.perf_counter() - started:6.2f} s   {result}")


async def run(server: str, lessons: int) -> None:
    name = f"learnbot_bench_{os.getpid()}"
    await admin(server, f"CREATE DATABASE {name}")
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    engine = create_engine(Settings(database_url=url))
    try:
        async with engine.begin() as connection:
            await connection.run_sync(upgrade)
        sessions = create_session_factory(engine)

        async def publish_dir(root: Path) -> str:
            async with SqlUnitOfWork(sessions, CatalogueCache()) as uow:
                diff = await publish(uow, SystemClock(), read_pack(root))
            return f"{len(diff.added)} added, {len(diff.changed)} changed"

        with tempfile.TemporaryDirectory() as folder:
            first = write_pack(Path(folder) / "v1", lessons)
            second = write_pack(Path(folder) / "v2", lessons, revision=1)
            await timed(f"read and validate {lessons} lessons", lambda: _read(first))
            await timed("first publish (all added)", lambda: publish_dir(first))
            await timed("same pack again (no change)", lambda: publish_dir(first))
            await timed("one lesson in ten changed", lambda: publish_dir(second))
    finally:
        await engine.dispose()
        await admin(server, f"DROP DATABASE IF EXISTS {name}")


async def _read(root: Path) -> str:
    return f"{read_pack(root).lesson_count} lessons"


def upgrade(connection: Connection) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


async def admin(server: str, statement: str) -> None:
    engine = create_async_engine(server, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(sa.text(statement))
    finally:
        await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", type=int, default=1000)
    parser.add_argument("--server", default=SERVER, help="an account that may create databases")
    arguments = parser.parse_args()
    asyncio.run(run(arguments.server, arguments.lessons))


if __name__ == "__main__":
    main()
