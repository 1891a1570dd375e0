"""Issue 8: the database stops and starts again while learners answer, or while all is quiet.

A private server (the shared ones must stay up) under the real ``learnbot run``. Under
load the learners keep answering through the outage: the bot survives and tells them to
try again, no answer whose feedback a learner saw is lost, the service comes back on its
own, and the scheduler's ticks during the outage are logged and skipped. After a quiet
restart the pool holds only dead connections, and the first answers must not meet them.
The figures printed are reported in docs/reliability.md.
"""

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from fake_telegram import FakeTelegram
from tests.e2e.answers import AnswerKey
from tests.e2e.conftest import COURSE, bot_process, read_log, run_cli
from tests.e2e.crowd import Crowd
from tests.support.polling import poll
from tests.support.private_server import PrivateServer, private_server

LEARNERS = 6
ROUNDS = 3
"""Answers each learner has confirmed before the outage, and again after it."""
TOLD = 2
"""The database stays down until every learner has been told to try again this often, and
a scheduled refresh has been skipped."""
STARTUP = 120.0
"""Generous: six engineers share two cores, and a cold start imports a lot."""
REFRESHED = "leaderboard refreshed"
SKIPPED = "refresh_leaderboard skipped"


@pytest.fixture(params=["postgresql", "mariadb"])
async def server(request: pytest.FixtureRequest) -> AsyncIterator[PrivateServer]:
    async with private_server(request.param) as server:
        yield server


@pytest.fixture
async def database(server: PrivateServer) -> str:
    database = await server.create_database("learnbot")
    await run_cli(database, "db", "upgrade", "--seed", str(COURSE))
    return database


@pytest.fixture
async def key(database: str) -> AsyncIterator[AnswerKey]:
    key = AnswerKey(database)
    yield key
    await key.close()


async def test_a_restart_under_load_loses_no_confirmed_answer(
    server: PrivateServer, database: str, key: AnswerKey, fake: FakeTelegram, tmp_path: Path
) -> None:
    log, clock = tmp_path / "bot.log", asyncio.get_running_loop().time
    async with bot_process(fake, database, log, LEADERBOARD_REFRESH_SECONDS="1") as bot:
        crowd = await _at_the_question(fake, key)
        async with crowd.playing():
            await crowd.until(_each_confirmed(crowd))
            down = clock()
            await server.stop()
            await crowd.until(crowd.every(lambda one: len(one.journal.told_to_wait) >= TOLD))
            await _until_logged(log, SKIPPED)
            await server.start()
            back = clock()
            await crowd.until(_each_confirmed(crowd, since=back))
            await _until_logged(log, REFRESHED, after=SKIPPED)
        assert bot.returncode is None, read_log(log)
        await _check_journals(crowd, key, back)
        _report("under load", server, crowd, down, back)


async def test_a_quiet_restart_leaves_no_dead_connection_to_meet(
    server: PrivateServer, database: str, key: AnswerKey, fake: FakeTelegram, tmp_path: Path
) -> None:
    """Nothing runs during the outage, so nothing finds the pooled connections dead but
    the first answers after it (the scheduler's next tick is an hour away)."""
    clock = asyncio.get_running_loop().time
    async with bot_process(fake, database, tmp_path / "bot.log"):
        crowd = await _at_the_question(fake, key)
        async with crowd.playing():
            await crowd.until(_each_confirmed(crowd))
        down = clock()
        await server.restart()
        back = clock()
        async with crowd.playing():
            await crowd.until(_each_confirmed(crowd, since=back))
        assert crowd.told_to_wait() == 0, "an answer met a connection the restart had killed"
        await _check_journals(crowd, key, back)
        _report("quiet", server, crowd, down, back)


async def _at_the_question(fake: FakeTelegram, key: AnswerKey) -> Crowd:
    await fake.wait_until_polling(timeout=STARTUP)
    crowd = Crowd(fake, LEARNERS)
    await crowd.reach_the_question(key)
    return crowd


def _each_confirmed(crowd: Crowd, since: float = 0.0) -> Callable[[], bool]:
    return crowd.every(lambda one: one.journal.confirmed_since(since) >= ROUNDS)


async def _check_journals(crowd: Crowd, key: AnswerKey, back: float) -> None:
    for learner in crowd.learners:
        journal = learner.journal
        assert not journal.other_replies, journal.other_replies
        assert all(at < back for at in journal.told_to_wait), "told to wait after recovery"
        recorded = await key.attempts(learner.user.id)
        assert set(journal.confirmed) <= recorded, set(journal.confirmed) - recorded


async def _until_logged(log: Path, line: str, *, after: str | None = None) -> None:
    """A line written (after another one): polled, the log is a file the bot appends to."""

    async def written() -> bool:
        text = read_log(log)
        return line in (text.partition(after)[2] if after else text)

    await poll(written, timeout=60)


def _report(scenario: str, server: PrivateServer, crowd: Crowd, down: float, back: float) -> None:
    confirmed = [at for one in crowd.learners for at in one.journal.confirmed.values()]
    collisions = sum(one.journal.collisions for one in crowd.learners)
    print(
        f"\n{server.kind.backend}, {scenario}: outage {back - down:.1f} s, first answer "
        f"confirmed {min(at for at in confirmed if at >= back) - back:.2f} s after the "
        f"database was back; answers confirmed {crowd.confirmed() - crowd.confirmed(down)} "
        f"before, {crowd.confirmed(back)} after; {crowd.told_to_wait()} told to try again, "
        f"{collisions} refused after deadlocks"
    )
