"""One world per backend for the module's examples, and the hypothesis profile they share.

Examples are not isolated by fresh databases (that would cost seconds each): the world is
built once, and every example checks that it left the learners' rows as it found them.
"""

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.wiring import Wiring, wiring
from tests.fuzz.world import World, world
from tests.support.databases import ScratchDatabases

settings.register_profile(
    "database",
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
"""No deadline (a shared database has its slow moments); a failure prints the
``@reproduce_failure`` blob that replays it, and hypothesis's example database in
``.hypothesis/`` replays it first on the next run."""


class Errors(logging.Handler):
    """Every record at ERROR or above: the apology path always logs one."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def errors() -> Iterator[Errors]:
    handler = Errors()
    logging.getLogger().addHandler(handler)
    try:
        yield handler
    finally:
        logging.getLogger().removeHandler(handler)


@pytest.fixture(scope="session")
def wired() -> Wiring:
    return wiring()


@pytest.fixture(scope="module")
async def fuzz_world(
    request: pytest.FixtureRequest, scratch_databases: ScratchDatabases, wired: Wiring
) -> AsyncIterator[World]:
    """Parametrised indirectly by each test with its backend."""
    async with world(await scratch_databases.create(request.param), wired) as ready:
        yield ready


Body = Callable[[World, Errors, st.DataObject], Awaitable[None]]


def fuzzing(body: Body, backend: str, examples: int) -> Callable[..., Awaitable[None]]:
    """A test running ``body`` for ``examples`` examples on ``backend``: hypothesis fixes
    the example count per test, and the backends need different counts."""

    @pytest.mark.parametrize("fuzz_world", [backend], indirect=True)
    @given(data=st.data())
    @settings(settings.get_profile("database"), max_examples=examples)
    async def test(fuzz_world: World, errors: Errors, data: st.DataObject) -> None:
        await body(fuzz_world, errors, data)

    made: Callable[..., Awaitable[None]] = test
    return made
