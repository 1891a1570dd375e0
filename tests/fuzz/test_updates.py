"""Whole updates, well-formed but odd, through the real dispatcher: none fails, and none
changes what learners own (registering a newcomer or a setting lives in ``users``)."""

from hypothesis import strategies as st

from tests.fuzz.conftest import Errors, fuzzing
from tests.fuzz.rows import without_logins
from tests.fuzz.updates import Json, updates
from tests.fuzz.world import World


async def feed_odd_updates(world: World, errors: Errors, data: st.DataObject) -> None:
    batch = data.draw(st.lists(updates(), min_size=1, max_size=3), label="updates")
    world.wired.forget(errors.records)
    before = await world.snapshot()

    for update in batch:
        await world.feed(update)

    after, logins = without_logins(await world.unchanged_since(before))
    expected, logged_in = without_logins(before)
    assert after == expected
    assert logins - logged_in <= sum(1 for update in batch if starts(update))
    world.wired.assert_no_failure(errors.records)


test_odd_updates_on_sqlite = fuzzing(feed_odd_updates, "sqlite", 300)
test_odd_updates_on_postgresql = fuzzing(feed_odd_updates, "postgresql", 60)


def starts(update: Json) -> bool:
    """A /start (with or without the bot's name, as text or as a photo's caption) is the
    one command that logs activity."""
    message = update.get("message") or {}
    return str(message.get("text") or message.get("caption") or "").startswith("/start")
