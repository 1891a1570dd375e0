"""One line per run with the figures docs/reliability.md quotes (shown with `pytest -s`)."""

from collections import Counter

from sqlalchemy.engine import make_url

from fake_telegram import FakeTelegram
from tests.e2e.replicas.crowd import Crowd
from tests.e2e.replicas.ledger import Ledger


def summary(database_url: str, fake: FakeTelegram, crowd: Crowd, ledger: Ledger) -> str:
    traffic = crowd.traffic
    per_replica = sorted(Counter(url for _, url in fake.deliveries()).values())
    return (
        f"\n{make_url(database_url).get_backend_name()}: {traffic.updates} updates "
        f"({traffic.replays} replays after handling, {traffic.twin_replays} alongside "
        f"the original, {len(crowd.learners)} double taps, {traffic.refused} refused and "
        f"tapped again); deliveries per replica {per_replica}; {ledger.counts}; "
        f"problems {ledger.problems}"
    )
