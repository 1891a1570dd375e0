"""SIGTERM to one of two replicas while learners answer through both (issue 8).

The stopped replica must finish or roll back what it holds and exit 0 within its grace;
the fake retries what it could not deliver on the other replica, as a balancer would.
Row by row, no answer may then lack its progress attempt or activity rows, or the reverse.
LEARNBOT_SHUTDOWN_UPDATES sets the size.
"""

import asyncio
import signal

import pytest

from fake_telegram import FakeTelegram
from tests.e2e.conftest import read_log
from tests.e2e.replicas.conftest import Replica, scenario_size
from tests.e2e.replicas.course_plan import load_course
from tests.e2e.replicas.crowd import Crowd
from tests.e2e.replicas.ledger import audit
from tests.e2e.replicas.report import summary

LEARNERS = 100
SHUTDOWN_GRACE_SECONDS = 10.0
"""BotConfig.shutdown_grace_seconds: how long a stopping bot waits for updates in flight."""
EXIT_ALLOWANCE_SECONDS = 20.0


@pytest.mark.slow
async def test_a_replica_stopped_under_load_leaves_nothing_half_written(
    replicas: list[Replica], fake: FakeTelegram, shared_database: str
) -> None:
    budget = scenario_size("LEARNBOT_SHUTDOWN_UPDATES", 1_000)
    crowd = Crowd.of(fake, await load_course(shared_database), LEARNERS, budget)
    await crowd.arrive()
    halfway = crowd.traffic.milestone(crowd.traffic.updates + budget // 2)
    studying = asyncio.create_task(crowd.study())
    studying.add_done_callback(lambda _: halfway.set())
    await halfway.wait()
    assert not studying.done(), studying.result()
    stopped = replicas[0]
    await fake.wait_until_posting(stopped.url, timeout=30)
    in_flight = fake.state.posting[stopped.url]
    stopped.process.send_signal(signal.SIGTERM)
    async with asyncio.timeout(SHUTDOWN_GRACE_SECONDS + EXIT_ALLOWANCE_SECONDS):
        code = await stopped.process.wait()
    await studying
    await fake.wait_until_idle(timeout=60)

    ledger = await audit(shared_database, crowd.answers_by_learner())
    print(summary(shared_database, fake, crowd, ledger), f"; {in_flight} in flight at SIGTERM")
    log = read_log(stopped.log)
    assert code == 0, log
    assert "still in flight at shutdown" not in log
    assert ledger.problems == []
