"""Publishing against an in-memory store: the diff, idempotency, removals and refusals."""

from dataclasses import replace

import pytest

from domain.content import AchievementSpec, ChallengeSpec, CoursePack, LessonSpec, ModuleSpec
from domain.enums import AchievementType, ChallengeKind
from domain.errors import ContentConflict
from learnbot.content import publish as publish_pack

from .fakes import FakeClock
from .fakes.content import FakeContentPorts, FakeContentStore

PICK = ChallengeSpec("pick", ChallengeKind.SINGLE_CHOICE, "Pick b", ("a", "b"), (1,))
INTRO = LessonSpec("intro", "Intro", "Hello", 1, challenges=(PICK,))
MORE = LessonSpec("more", "More", "More text", 2)
BASICS = ModuleSpec("basics", "Basics", None, 1, lessons=(INTRO, MORE))
FIRST = AchievementSpec("first", AchievementType.LESSON_COMPLETED, "First", criteria='{"x": 1}')
PACK = CoursePack("Course", None, (BASICS,), (FIRST,))


@pytest.fixture
def store() -> FakeContentStore:
    return FakeContentStore()


async def publish(
    store: FakeContentStore, clock: FakeClock, pack: CoursePack, dry_run: bool = False
) -> tuple[list[list[str]], int]:
    ports = FakeContentPorts(store)
    diff = await publish_pack(ports, clock, pack, dry_run)
    return [diff.added, diff.changed, diff.unpublished], ports.commits


async def test_a_new_pack_is_added_whole_and_committed_once(
    store: FakeContentStore, clock: FakeClock
) -> None:
    diff, commits = await publish(store, clock, PACK)

    assert diff == [
        ["module basics", "lesson basics/intro", "lesson basics/more", "achievement first"],
        [],
        [],
    ]
    assert commits == 1
    assert (await store.current()).modules == (BASICS,)


async def test_publishing_the_same_pack_again_writes_nothing(
    store: FakeContentStore, clock: FakeClock
) -> None:
    await publish(store, clock, PACK)
    writes = store.writes

    diff, commits = await publish(store, clock, PACK)

    assert (diff, commits, store.writes) == ([[], [], []], 0, writes)


async def test_removed_content_is_unpublished_and_removed_achievements_retired(
    store: FakeContentStore, clock: FakeClock
) -> None:
    await publish(store, clock, PACK)
    smaller = CoursePack("Course", None, (replace(BASICS, title="Start", lessons=(INTRO,)),))

    diff, _ = await publish(store, clock, smaller)

    assert diff == [[], ["module basics"], ["lesson basics/more", "achievement first"]]
    assert store.modules["basics"].lesson("more") == replace(MORE, published=False)
    assert store.achievements["first"].criteria is None


async def test_a_dry_run_reports_the_diff_and_writes_nothing(
    store: FakeContentStore, clock: FakeClock
) -> None:
    diff, commits = await publish(store, clock, PACK, dry_run=True)

    assert len(diff[0]) == 4
    assert (commits, store.writes, store.modules) == (0, 0, {})


async def test_removing_an_answered_challenge_is_refused_before_any_write(
    store: FakeContentStore, clock: FakeClock
) -> None:
    await publish(store, clock, PACK)
    store.answered = {("basics", "intro", "pick")}
    writes = store.writes
    without = replace(INTRO, challenges=())

    with pytest.raises(ContentConflict, match="basics/intro/pick"):
        await publish(store, clock, replace(PACK, modules=(replace(BASICS, lessons=(without,)),)))

    assert store.writes == writes


async def test_league_tier_names_are_added_renamed_and_dropped_with_the_pack(
    store: FakeContentStore, clock: FakeClock
) -> None:
    await publish(store, clock, PACK)
    named = replace(PACK, league_tiers=("Pebble", "Rock"))

    added, _ = await publish(store, clock, named)
    same, commits = await publish(store, clock, named)
    renamed, _ = await publish(store, clock, replace(named, league_tiers=("Sand", "Rock")))
    dropped, _ = await publish(store, clock, PACK)

    assert added == [["league tiers"], [], []]
    assert (same, commits) == ([[], [], []], 0)
    assert renamed == [[], ["league tiers"], []]
    assert dropped == [[], ["league tiers"], []]
    assert store.league_tiers == ()
