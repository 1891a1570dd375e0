"""The answer benchmark's round trips, counted from SQLAlchemy events, are what really
crosses the wire: a counting TCP proxy between the bot and the server sees the same."""

import secrets
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bench.answers.counting import RoundTrips, answer_kind
from bench.answers.dispatching import bench_settings, real_dispatcher
from bench.answers.enrol import course_takers
from bench.answers.local_bot import local_bot
from bench.answers.run import through
from bench.support.course import publish_course
from bench.support.databases import drop_database, fresh_database
from learnbot.app import application
from tests.benchmarks.proxy import round_trip_proxy

WARM_UP = 6
COUNTED = 12


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["postgresql", "mariadb"])
async def test_counted_round_trips_match_the_wire(backend: str, tmp_path: Path) -> None:
    name = f"learnbot_bench_wire_{secrets.token_hex(4)}"
    url = make_url(await fresh_database(backend, name, tmp_path))
    try:
        rendered = url.render_as_string(hide_password=False)
        course = await publish_course(rendered, tmp_path / "pack", lessons=4)
        async with round_trip_proxy(url.port or 0) as proxy:
            proxied = url.set(host="127.0.0.1", port=proxy.port)
            settings = bench_settings(proxied.render_as_string(hide_password=False))
            async with application(settings) as learnbot:
                bot, _ = local_bot()
                answer = through(real_dispatcher(learnbot), bot)
                [learner] = await course_takers(learnbot, course, 1)
                for _ in range(WARM_UP):
                    await answer(learner, next(learner.steps))
                counter = RoundTrips(learnbot.engine)
                before = proxy.round_trips
                with counter.counting():
                    for _ in range(COUNTED):
                        step = next(learner.steps)
                        answer_kind.set(step.kind)
                        await answer(learner, step)
                on_the_wire = proxy.round_trips - before
    finally:
        await drop_database(backend, name)

    assert sum(counter.statements.values()) > COUNTED
    assert sum(counter.round_trips.values()) == on_the_wire
