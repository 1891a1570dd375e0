"""Issue 8: the database stops and starts again while learners answer.

A private server (the shared ones must stay up) under the real ``learnbot run``; the
learners keep answering through the outage. The bot survives and tells them to try again,
no answer whose feedback a learner saw is lost, the service comes back on its own, and the
scheduler's ticks during the outage are logged and skipped. The figures printed at the
end are reported in docs/reliability.md.
"""

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.fake_api import FakeTelegram
from tests.e2e.answers import AnswerKey
from tests.e2e.conftest import COURSE, bot_process, read_log, run_cli
from tests.e2e.crowd import Crowd, crowd_playing
from tests.support.polling import poll
from tests.support.private_server import PrivateServer, private_server

LEARNERS = 6
ROUNDS = 3
"""Answers each learner has confirmed before the outage, and again after it."""
TOLD = 2
"""The database stays down until every learner has been told to try again this often."""
STARTUP = 120.0
"""Generous: six engineers share two cores, and a cold start imports a lot."""
REFRESHED = "leaderboard refreshed"
SKIPPED = "refresh_leaderboard skipped"


@pytest.fixture(params=["postgresql", "mariadb"])
async def server(request: pytest.FixtureRequest) -> AsyncIterator[PrivateServer]:
    async with private_server(request.param) as server:
        yield server


async def test_a_restart_under_load_loses_no_confirmed_answer(
    server: PrivateServer, fake: FakeTelegram, tmp_path: Path
) -> None:
    database = await server.create_database("learnbot")
    await run_cli(database, "db", "upgrade", "--seed", str(COURSE))
    key, log = AnswerKey(database), tmp_path / "bot.log"
    clock = asyncio.get_running_loop().time
    try:
        async with bot_process(fake, database, log, LEADERBOARD_REFRESH_SECONDS="1") as bot:
            await fake.wait_until_polling(timeout=STARTUP)
            async with crowd_playing(fake, LEARNERS, key) as crowd:
                await crowd.until(crowd.every(lambda one: len(one.journal.confirmed) >= ROUNDS))
                down = clock()
                await server.stop()
                await crowd.until(crowd.every(lambda one: len(one.journal.told_to_wait) >= TOLD))
                await server.start()
                back = clock()
                await crowd.until(
                    crowd.every(lambda one: one.journal.confirmed_since(back) >= ROUNDS)
                )
                await _until_logged(log, REFRESHED, after=SKIPPED)
            assert bot.returncode is None, read_log(log)
            await _check_journals(crowd, key, back)
            _report(server, crowd, down, back)
    finally:
        await key.close()


async def _check_journals(crowd: Crowd, key: AnswerKey, back: float) -> None:
    for learner in crowd.learners:
        journal = learner.journal
        assert journal.told_to_wait, "nobody was told to try again during the outage"
        assert not journal.other_replies, journal.other_replies
        assert all(at < back for at in journal.told_to_wait), "told to wait after recovery"
        recorded = await key.attempts(learner.user.id)
        assert set(journal.confirmed) <= recorded, set(journal.confirmed) - recorded


async def _until_logged(log: Path, line: str, *, after: str) -> None:
    """A line written after another one (polled: the log is a file the bot appends to)."""

    async def written() -> bool:
        return line in read_log(log).partition(after)[2]

    await poll(written, timeout=60)


def _report(server: PrivateServer, crowd: Crowd, down: float, back: float) -> None:
    first = min(at for one in crowd.learners for at in one.journal.confirmed.values() if at >= back)
    print(
        f"\n{server.kind.backend}: outage {back - down:.1f} s, first answer confirmed "
        f"{first - back:.2f} s after the database was back; answers confirmed "
        f"{crowd.confirmed() - crowd.confirmed(down)} before, {crowd.confirmed(back)} after, "
        f"{sum(len(one.journal.told_to_wait) for one in crowd.learners)} told to try again, "
        f"{sum(one.journal.collisions for one in crowd.learners)} refused after deadlocks"
    )
