"""Forged, stale and garbage buttons through the real dispatcher: each is answered, none
fails, and the learners' rows stay exactly as they were."""

from hypothesis import strategies as st

from tests.fuzz.conftest import Errors, fuzzing
from tests.fuzz.payloads import may_change_state, payloads
from tests.fuzz.world import ADA, BOB, World


async def press_forged_buttons(world: World, errors: Errors, data: st.DataObject) -> None:
    user = data.draw(st.sampled_from([ADA, BOB]), label="user")
    forged = payloads(world.course).filter(lambda d: not may_change_state(d, user, world.course))
    presses = data.draw(st.lists(forged, min_size=1, max_size=3), label="payloads")
    world.wired.forget(errors.records)
    before = await world.snapshot()

    queries = [await world.press(user, payload) for payload in presses]

    assert await world.unchanged_since(before) == before
    assert set(queries) <= world.wired.session.answered()
    world.wired.assert_no_failure(errors.records)


test_forged_buttons_on_sqlite = fuzzing(press_forged_buttons, "sqlite", 300)
test_forged_buttons_on_postgresql = fuzzing(press_forged_buttons, "postgresql", 60)
