"""Publishing course packs into SQLite, PostgreSQL and MariaDB."""

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.content import ContentDiff, CoursePack
from domain.errors import ContentConflict
from domain.services import CatalogueService
from infrastructure.content import export_pack
from infrastructure.db.models import (
    AchievementRow,
    AnswerRow,
    ChallengeRow,
    EarnedRow,
    LessonRow,
    ModuleRow,
    ProgressRow,
    UserRow,
    table,
)
from learnbot.content import publish, read_pack
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock
from tests.support.packs import edit, write_pack

EXAMPLE = Path(__file__).resolve().parents[2] / "content" / "python-basics"
CONTENT = [ModuleRow, LessonRow, ChallengeRow, AchievementRow]


async def publish_pack(
    uow_factory: UowFactory, clock: FixedClock, pack: CoursePack, dry_run: bool = False
) -> ContentDiff:
    async with uow_factory() as uow:
        return await publish(uow, clock, pack, dry_run)


async def current(uow_factory: UowFactory) -> CoursePack:
    async with uow_factory() as uow:
        return await uow.content.current()


async def rows(engine: AsyncEngine) -> dict[str, list[dict[str, Any]]]:
    """Every content row, ids and timestamps included: what 'nothing changed' must keep."""
    async with engine.connect() as connection:
        return {
            model.__tablename__: [
                dict(row._mapping)
                for row in await connection.execute(sa.select(table(model)).order_by("id"))
            ]
            for model in CONTENT
        }


async def test_the_example_course_publishes_and_learners_see_it(
    uow_factory: UowFactory, clock: FixedClock
) -> None:
    pack = read_pack(EXAMPLE)

    diff = await publish_pack(uow_factory, clock, pack)

    assert len(diff.added) == 4 + 11 + 9
    async with uow_factory() as uow:
        modules = await CatalogueService(uow).modules()
        _, lessons = await CatalogueService(uow).lessons(modules[0].id)
        lesson = await CatalogueService(uow).lesson(lessons[0].id)
    assert [module.slug for module in modules][:2] == ["getting-started", "working-with-data"]
    assert [item.slug for item in lessons] == ["hello-print", "variables"]
    assert lesson.challenges[1].correct_options == frozenset({1})
    assert (await current(uow_factory)).modules == pack.modules


async def test_publishing_the_same_pack_again_changes_nothing(
    uow_factory: UowFactory, engine: AsyncEngine, clock: FixedClock, tmp_path: Path
) -> None:
    pack = read_pack(write_pack(tmp_path))
    await publish_pack(uow_factory, clock, pack)
    before = await rows(engine)
    clock.advance(hours=1)

    diff = await publish_pack(uow_factory, clock, pack)

    assert not diff
    assert await rows(engine) == before


async def test_a_dry_run_reports_the_diff_and_writes_nothing(
    uow_factory: UowFactory, engine: AsyncEngine, clock: FixedClock, tmp_path: Path
) -> None:
    diff = await publish_pack(uow_factory, clock, read_pack(write_pack(tmp_path)), dry_run=True)

    assert "lesson basics/intro" in diff.added
    assert await rows(engine) == {model.__tablename__: [] for model in CONTENT}


async def test_learners_keep_their_progress_and_removed_lessons_are_unpublished(
    uow_factory: UowFactory, engine: AsyncEngine, clock: FixedClock, tmp_path: Path
) -> None:
    await publish_pack(uow_factory, clock, read_pack(write_pack(tmp_path / "v1")))
    ids = {key: await id_of(engine, *key) for key in [("intro", "pick"), ("more", "number")]}
    await learner_progress(engine, clock.now(), ids)
    changed = {"01-basics/02-more.md": None, "01-basics/02-more.challenges.yaml": None}
    changed |= edit("01-basics/01-intro.md", "title: Intro", "title: Introduction")
    changed |= edit("course.yaml", "  - slug: basics-done", "  - slug: basics-complete")

    diff = await publish_pack(uow_factory, clock, read_pack(write_pack(tmp_path / "v2", changed)))

    assert diff == ContentDiff(
        added=["achievement basics-complete"],
        changed=["lesson basics/intro"],
        unpublished=["lesson basics/more", "achievement basics-done"],
    )
    assert {key: await id_of(engine, *key) for key in ids} == ids
    async with engine.connect() as connection:
        assert await connection.scalar(sa.select(sa.func.count()).select_from(AnswerRow)) == 2
        assert await connection.scalar(sa.select(sa.func.count()).select_from(ProgressRow)) == 2
        assert await connection.scalar(sa.select(sa.func.count()).select_from(EarnedRow)) == 1
        published = await connection.execute(sa.select(LessonRow.slug, LessonRow.is_published))
        assert dict(published.all()) == {"intro": True, "more": False, "deeper": True}


async def test_removing_a_challenge_learners_answered_is_refused_and_changes_nothing(
    uow_factory: UowFactory, engine: AsyncEngine, clock: FixedClock, tmp_path: Path
) -> None:
    pack = read_pack(write_pack(tmp_path))
    await publish_pack(uow_factory, clock, pack)
    await learner_progress(
        engine, clock.now(), {("intro", "pick"): await id_of(engine, "intro", "pick")}
    )
    before = await rows(engine)
    basics = pack.modules[0]
    intro = replace(basics.lessons[0], title="Changed", challenges=basics.lessons[0].challenges[1:])
    smaller = replace(pack, modules=(replace(basics, lessons=(intro,)), *pack.modules[1:]))

    with pytest.raises(ContentConflict, match="basics/intro/pick"):
        await publish_pack(uow_factory, clock, smaller)

    assert await rows(engine) == before


async def test_a_publish_that_fails_half_way_changes_nothing(
    uow_factory: UowFactory, engine: AsyncEngine, clock: FixedClock, tmp_path: Path
) -> None:
    pack = read_pack(write_pack(tmp_path))
    await publish_pack(uow_factory, clock, pack)
    before = await rows(engine)
    basics, advanced = pack.modules
    intro = basics.lessons[0]
    unknown_kind = replace(intro.challenges[0], kind="essay")
    broken = replace(intro, title="Changed", challenges=(unknown_kind,))
    modules = (replace(basics, title="New", lessons=(broken,)), replace(advanced, title="Renamed"))

    with pytest.raises(sa.exc.StatementError):
        await publish_pack(uow_factory, clock, replace(pack, modules=modules))

    assert await rows(engine) == before


async def test_an_exported_pack_validates_and_publishes_to_the_same_state(
    uow_factory: UowFactory, engine: AsyncEngine, clock: FixedClock, tmp_path: Path
) -> None:
    await publish_pack(uow_factory, clock, read_pack(EXAMPLE))
    smaller = write_pack(tmp_path / "tiny", {"02-advanced/01-deeper.md": None})
    await publish_pack(uow_factory, clock, read_pack(smaller))
    state = await current(uow_factory)
    before = await rows(engine)
    export_pack(state, tmp_path / "exported")

    exported = read_pack(tmp_path / "exported")
    diff = await publish_pack(uow_factory, clock, exported)

    assert not diff
    assert (exported.modules, exported.achievements) == (state.modules, state.achievements)
    assert await rows(engine) == before


async def test_league_tier_names_publish_export_and_drop_with_the_pack(
    uow_factory: UowFactory, clock: FixedClock, tmp_path: Path
) -> None:
    description = "description: Two modules, three lessons."
    named = edit("course.yaml", description, description + "\nleague_tiers: [Pebble, Rock]")
    pack = read_pack(write_pack(tmp_path / "named", named))
    await publish_pack(uow_factory, clock, pack)
    export_pack(await current(uow_factory), tmp_path / "exported")

    again = await publish_pack(uow_factory, clock, read_pack(tmp_path / "exported"))
    dropped = await publish_pack(uow_factory, clock, replace(pack, league_tiers=()))

    assert not again
    assert dropped.changed == ["league tiers"]
    assert (await current(uow_factory)).league_tiers == ()


async def id_of(engine: AsyncEngine, lesson: str, challenge: str) -> int:
    statement = (
        sa.select(ChallengeRow.id)
        .join(LessonRow, LessonRow.id == ChallengeRow.lesson_id)
        .where(LessonRow.slug == lesson, ChallengeRow.slug == challenge)
    )
    async with engine.connect() as connection:
        return int(await connection.scalar(statement))  # type: ignore[arg-type]


async def learner_progress(
    engine: AsyncEngine, now: datetime, challenges: dict[tuple[str, str], int]
) -> None:
    """A learner who answered each challenge, has progress on its lesson and an award."""
    async with engine.begin() as connection:
        stamps = {"created_at": now, "updated_at": now}
        contact = {"first_contact_at": now, "last_contact_at": now}
        user = await insert(connection, UserRow, telegram_id=42, **stamps, **contact)
        for (_, _), challenge_id in challenges.items():
            lesson_id = await connection.scalar(
                sa.select(ChallengeRow.lesson_id).where(ChallengeRow.id == challenge_id)
            )
            await insert(
                connection,
                ProgressRow,
                user_id=user,
                lesson_id=lesson_id,
                status="COMPLETED",
                score=10,
                **stamps,
            )
            await insert(
                connection,
                AnswerRow,
                user_id=user,
                challenge_id=challenge_id,
                take=1,
                attempt=1,
                is_correct=True,
                answer="[1]",
                answered_at=now,
            )
        achievement = await connection.scalar(
            sa.select(AchievementRow.id).where(AchievementRow.slug == "basics-done")
        )
        await insert(connection, EarnedRow, user_id=user, achievement_id=achievement, earned_at=now)


async def insert(connection: Any, model: Any, **values: Any) -> int:
    result = await connection.execute(sa.insert(table(model)).values(values))
    return int(result.inserted_primary_key[0])
