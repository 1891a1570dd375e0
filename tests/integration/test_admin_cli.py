"""``learnbot users`` and ``learnbot stats`` on every backend, as an operator runs them."""

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.catalogue import Submission
from domain.content import CourseSettings
from domain.enums import InboxKind
from domain.learners import Learner, TelegramProfile
from domain.services import (
    InboxService,
    LeaderboardService,
    LearnerService,
    ProgressService,
)
from infrastructure.db.models import EarnedRow, UserRow
from tests.integration.conftest import UowFactory
from tests.support.answering import opened_answer
from tests.support.cli import learnbot, ok
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.queries import count_rows, owned_rows
from tests.support.use_cases import committed


@dataclass(frozen=True)
class People:
    ada: Learner
    bob: Learner
    carol: Learner


@pytest.fixture
async def people(uow_factory: UowFactory, course: Course) -> People:
    """Ada finishes the basics today, Bob tried once 3 days ago, Carol left 10 days ago."""
    now = datetime.now(UTC)
    ada = await _register(uow_factory, now, TelegramProfile(1001, "ada"))
    bob = await _register(uow_factory, now - timedelta(days=3), TelegramProfile(1002, None, "Bob"))
    carol = await _register(uow_factory, now - timedelta(days=10), TelegramProfile(1003, "carol"))
    clock = FixedClock(now)
    async with uow_factory() as uow:
        progress = committed(ProgressService(uow, clock, "UTC"))
        await opened_answer(uow, progress, ada, course.single, Submission(frozenset({1})))
        await opened_answer(uow, progress, ada, course.text, Submission(text="print"))
        await progress.finish_reading(ada, course.reading)
        await opened_answer(uow, progress, bob, course.single, Submission(frozenset({0})))
        await committed(LearnerService(uow, clock)).deactivate(carol.id)
        await committed(LeaderboardService(uow, clock)).refresh()
        inbox = committed(InboxService(uow, clock))
        await inbox.ask(ada, 1001, InboxKind.QUESTION, "Why b?", challenge_id=course.single)
        await inbox.ask(bob, 1002, InboxKind.PROBLEM, "Typo.", lesson_id=course.first_lesson)
    return People(ada, bob, carol)


async def _register(uow_factory: UowFactory, when: datetime, profile: TelegramProfile) -> Learner:
    async with uow_factory() as uow:
        return await committed(LearnerService(uow, FixedClock(when))).register(profile)


def ids_listed(output: str) -> list[int]:
    return [int(line.split()[1]) for line in output.splitlines() if line[2:3].isdigit()]


async def test_users_list_shows_learners_newest_first_and_filters(
    engine: AsyncEngine, people: People
) -> None:
    everyone = ok(await learnbot(engine, "users", "list"))
    assert ids_listed(everyone) == [people.carol.id, people.bob.id, people.ada.id]
    assert "Bob" in everyone
    assert "carol" in everyone

    active = ok(await learnbot(engine, "users", "list", "--active"))
    assert ids_listed(active) == [people.bob.id, people.ada.id]
    assert ids_listed(ok(await learnbot(engine, "users", "list", "--search", "BO"))) == [
        people.bob.id
    ]
    by_id = ok(await learnbot(engine, "users", "list", "--search", "1003"))
    assert ids_listed(by_id) == [people.carol.id]
    assert ids_listed(ok(await learnbot(engine, "users", "list", "--search", "%"))) == []


async def test_users_show_prints_progress_achievements_streak_and_rank(
    engine: AsyncEngine, people: People, uow_factory: UowFactory
) -> None:
    shown = ok(await learnbot(engine, "users", "show", str(people.ada.id)))

    assert "ada" in shown
    assert "Telegram 1001" in shown
    assert "Rank: #1" in shown
    assert "Level: 2 (19 points to level 3)" in shown
    assert "Daily goal: 20 points" in shown
    assert "Streak: 1 day (longest 1)   Streak freezes: 0/2" in shown
    assert "Lessons completed: 2" in shown
    assert "Basics" in shown
    assert "First-Lesson" in shown
    assert "Basics-Done" in shown

    linear = ok(await learnbot(engine, "users", "show", str(people.ada.id), LEVEL_CURVE="linear"))
    assert "Level: 2 (10 points to level 3)" in linear
    capped = ok(await learnbot(engine, "users", "show", str(people.ada.id), STREAK_FREEZE_MAX="5"))
    assert "Streak freezes: 0/5" in capped

    async with uow_factory() as uow:
        named = CourseSettings(((2, "Apprentice"),), freeze_max=3)
        await uow.content.save_settings(named, datetime.now(UTC))
        await uow.commit()
    from_pack = ok(await learnbot(engine, "users", "show", str(people.ada.id)))
    assert "Level: 2 “Apprentice” (19 points to level 3)" in from_pack
    assert "Streak freezes: 0/3" in from_pack

    missing = await learnbot(engine, "users", "show", "999999")
    assert missing.exit_code == 1
    assert "no learner with id 999999" in missing.output


async def test_users_deactivate_takes_the_learner_off_the_active_list(
    engine: AsyncEngine, people: People
) -> None:
    ok(await learnbot(engine, "users", "deactivate", str(people.bob.id)))

    assert await count_rows(engine, UserRow, UserRow.is_active) == 1
    assert (await learnbot(engine, "users", "deactivate", "999999")).exit_code == 1


async def test_users_commands_take_the_telegram_id_an_operator_sees(
    engine: AsyncEngine, people: People
) -> None:
    shown = ok(await learnbot(engine, "users", "show", "--telegram", "1001"))
    assert f"(id {people.ada.id}, Telegram 1001)" in shown

    ok(await learnbot(engine, "users", "deactivate", "1002", "--telegram"))
    assert await count_rows(engine, UserRow, UserRow.is_active) == 1


@pytest.mark.parametrize("command", [("show",), ("deactivate",), ("delete", "--yes")])
async def test_a_telegram_sized_id_is_looked_up_as_one_and_may_match_nobody(
    engine: AsyncEngine, people: People, command: tuple[str, ...]
) -> None:
    result = await learnbot(engine, "users", command[0], "9000000000", *command[1:])

    assert result.exit_code == 1
    assert result.output.strip() == "no learner with Telegram id 9000000000"
    assert await count_rows(engine, UserRow) == 3


async def test_users_delete_asks_first_then_removes_every_row(
    engine: AsyncEngine, people: People
) -> None:
    before = await owned_rows(engine, people.ada.id)
    refused = await learnbot(engine, "users", "delete", str(people.ada.id), input="n\n")
    assert refused.exit_code == 1
    assert await owned_rows(engine, people.ada.id) == before

    ok(await learnbot(engine, "users", "delete", str(people.ada.id), "--yes"))

    assert set((await owned_rows(engine, people.ada.id)).values()) == {0}
    assert sum((await owned_rows(engine, people.bob.id)).values()) > 0
    assert before["inbox_messages"] == before["users"] == 1


async def test_stats_json_has_every_number_the_dashboards_need(
    engine: AsyncEngine, people: People
) -> None:
    stats = json.loads(ok(await learnbot(engine, "stats", "--json")))

    assert stats["learners"] == {"total": 3, "active": 2, "seen_today": 1, "seen_week": 2}
    assert (stats["lessons_completed"], stats["lessons_completed_today"]) == (2, 2)
    assert stats["achievements_earned"] == await count_rows(engine, EarnedRow) >= 3
    funnel = {
        step["slug"]: (step["lessons"], step["started"], step["completed"])
        for step in stats["funnel"]
    }
    assert funnel == {"basics": (2, 2, 1), "advanced": (1, 0, 0)}
    activity = stats["activity_week"]
    assert (activity["LESSON_STARTED"], activity["CHALLENGE_ATTEMPTED"]) == (3, 3)
    assert (activity["CHALLENGE_SOLVED"], activity["LESSON_COMPLETED"]) == (2, 2)
    assert stats["inbox"] == {"new": 2, "replied": 0, "resolved": 0}
    assert [(lesson["title"], lesson["completions"]) for lesson in stats["top_lessons"]] == [
        ("First", 1),
        ("Reading", 1),
    ]


async def test_stats_as_tables(engine: AsyncEngine, people: People) -> None:
    shown = ok(await learnbot(engine, "stats"))

    assert "Learners: 3 (2 active), seen today 1, in 7 days 2" in shown
    assert "Module funnel" in shown
    assert "Most completed lessons" in shown
    assert "LESSON_COMPLETED" in shown
    assert "resolved" in shown


async def test_db_check_lists_tables_and_indexes(engine: AsyncEngine, people: People) -> None:
    shown = ok(await learnbot(engine, "db", "check"))

    assert "inbox_messages" in shown
    assert "user_progress" in shown
    assert "ix_inbox_messages_status_created_at" in shown
    assert engine.url.password is None or engine.url.password not in shown


async def test_db_check_advises_on_scans_only_where_the_backend_counts_them(
    engine: AsyncEngine, people: People
) -> None:
    shown = ok(await learnbot(engine, "db", "check"))

    counted = engine.dialect.name == "postgresql"
    assert ("Seq scans" in shown) is counted
    assert ("candidates for removal" in shown) is counted
    assert ("keeps no count of scans" in shown) is not counted
    assert (" Scans " in shown.split("Indexes")[1]) is counted


async def test_stats_on_an_empty_database(engine: AsyncEngine, uow_factory: UowFactory) -> None:
    stats = json.loads(ok(await learnbot(engine, "stats", "--json")))

    assert stats["learners"] == {"total": 0, "active": 0, "seen_today": 0, "seen_week": 0}
    assert stats["funnel"] == []
    assert stats["top_lessons"] == []
    assert await count_rows(engine, sa.table("users")) == 0
