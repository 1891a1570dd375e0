"""The bot's metrics, in a registry of their own so tests and processes do not share state."""

import time
from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from domain.admin import LearnerCounts

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
REFRESH_BUCKETS = (0.01, 0.05, 0.1, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
REFRESH_MODES = {False: "incremental", True: "full"}
"""Both series are exported from the start, at zero, so a query never finds one missing."""


class Metrics:
    """Built once at start-up by the composition root and handed to whoever measures."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.updates = Counter(
            "learnbot_updates",
            "Telegram updates handled, by kind and outcome.",
            ["kind", "outcome"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "learnbot_handler_seconds",
            "Time to handle one update.",
            ["kind"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.errors = Counter(
            "learnbot_errors", "Updates whose handler failed.", ["kind"], registry=self.registry
        )
        self.leaderboard_refresh = Histogram(
            "learnbot_leaderboard_refresh_seconds",
            "Time to recompute the leaderboard, by mode: a tick, or a full recount.",
            ["mode"],
            buckets=REFRESH_BUCKETS,
            registry=self.registry,
        )
        for mode in REFRESH_MODES.values():
            self.leaderboard_refresh.labels(mode)
        self.learners = Gauge(
            "learnbot_learners", "Learners, by state.", ["state"], registry=self.registry
        )

    def observe_update(self, kind: str, seconds: float, ok: bool) -> None:
        self.updates.labels(kind, "ok" if ok else "error").inc()
        self.latency.labels(kind).observe(seconds)
        if not ok:
            self.errors.labels(kind).inc()

    @contextmanager
    def timed_update(self, kind: str) -> Iterator[None]:
        """Time a handler; an exception counts as an error and propagates."""
        started = time.perf_counter()
        ok = False
        try:
            yield
            ok = True
        finally:
            self.observe_update(kind, time.perf_counter() - started, ok)

    def observe_leaderboard_refresh(self, seconds: float, full: bool) -> None:
        self.leaderboard_refresh.labels(REFRESH_MODES[full]).observe(seconds)

    def set_learners(self, counts: LearnerCounts) -> None:
        for state in ("total", "active", "seen_today", "seen_week"):
            self.learners.labels(state).set(getattr(counts, state))

    def render(self) -> bytes:
        return generate_latest(self.registry)
