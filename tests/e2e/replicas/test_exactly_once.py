"""Exactly-once scoring with two bot processes sharing one database (issue 8).

A crowd of learners answers the example course through both replicas at once: double taps
delivered to both replicas together, answers replayed with the same update_id (alongside
the original, or after it), and many learners in flight. The database must then hold every
answer once, with its progress attempt and activity rows, and every award once.
LEARNBOT_REPLICA_UPDATES sets the size (10,000 in docs/reliability.md).
"""

import pytest

from fake_telegram import FakeTelegram
from tests.e2e.replicas.conftest import Replica, scenario_size
from tests.e2e.replicas.course_plan import load_course
from tests.e2e.replicas.crowd import Crowd
from tests.e2e.replicas.ledger import audit
from tests.e2e.replicas.report import summary

LEARNERS = 100


@pytest.mark.slow
@pytest.mark.parametrize(
    "shared_database",
    ["postgresql", "mariadb"],
    indirect=True,
)
async def test_every_answer_counts_once_across_two_replicas(
    replicas: list[Replica], fake: FakeTelegram, shared_database: str
) -> None:
    course = await load_course(shared_database)
    budget = scenario_size("LEARNBOT_REPLICA_UPDATES", 1_500)
    crowd = Crowd.of(fake, course, LEARNERS, budget)
    await crowd.arrive()
    taps = await crowd.double_tap()
    await crowd.study()
    await fake.wait_until_idle(timeout=60)

    ledger = await audit(shared_database, crowd.answers_by_learner())
    print(summary(shared_database, fake, crowd, ledger))
    assert ledger.problems == []
    assert crowd.traffic.refused == 0, "a learner was told to try again"
    delivered = dict(fake.deliveries())
    assert all(delivered[first] != delivered[second] for first, second in taps)
    assert crowd.traffic.replays
    assert crowd.traffic.twin_replays
