"""Streak freezes and the pack's level names as a learner reads them: the answer that
earns a freeze says so once, /progress shows those held and, once, the day one kept the
streak; a named level is announced and shown by its name; in English and Russian."""

from datetime import UTC, date, datetime, timedelta

import pytest
from aiogram.utils.i18n import I18n, get_i18n

from bot.callbacks import FinishCb, PickCb
from bot.rendering.freezes import held_line
from bot.rendering.standing import board_screen
from domain.content import CourseSettings
from domain.freezes import Freezes
from domain.leaderboard import Board, LeaderboardEntry
from domain.levels import DEFAULT_CURVE
from tests.support.clock import FixedClock
from tests.telegram_bot.chat import Chat, complete_variables
from tests.unit.course import PICK_ONE, VARIABLES

TODAY = FixedClock().now().date()


async def seeded(language: str, studied: range, earned: tuple[int, ...] = ()) -> Chat:
    """A learner (the first message registers them) who studied ``studied`` days ago."""
    chat = Chat(language)
    await chat.say("/start")
    (learner,) = chat.uow.working.learners.values()
    for ago in studied:
        await chat.uow.calendar.mark(learner.id, TODAY - timedelta(days=ago))
    for ago in earned:
        await chat.uow.freezes.earn(learner.id, TODAY - timedelta(days=ago))
    await chat.uow.commit()
    return chat


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "❄️ <b>Streak freeze earned!</b> You hold 1/2."),
        ("ru", "❄️ <b>Заморозка серии получена!</b> У вас 1/2."),
    ],
)
async def test_the_answer_that_makes_a_week_earns_a_freeze_and_a_replay_does_not(
    language: str, line: str
) -> None:
    chat = await seeded(language, range(1, 7))
    await chat.press(FinishCb(lesson_id=VARIABLES))  # opens the lesson's quiz

    first = "\n".join(await chat.press(PickCb(challenge_id=PICK_ONE, attempt=1, option=1)))
    replayed = "\n".join(await chat.press(PickCb(challenge_id=PICK_ONE, attempt=1, option=1)))

    assert line in first
    assert "❄️" not in replayed


@pytest.mark.parametrize(
    ("language", "held", "kept"),
    [
        ("en", "❄️ Streak freezes: 1/2", "❄️ Your streak freeze kept your streak on {day}."),
        ("ru", "❄️ Заморозки серии: 1/2", "❄️ Заморозка сохранила вашу серию {day}."),
    ],
)
async def test_progress_shows_freezes_held_and_tells_of_a_kept_day_once(
    language: str, held: str, kept: str
) -> None:
    chat = await seeded(language, range(2, 4), earned=(3, 2))
    yesterday = (TODAY - timedelta(days=1)).isoformat()

    (first,) = await chat.say("/progress")
    (again,) = await chat.say("/progress")

    assert kept.format(day=yesterday) in first
    assert held in first
    assert "🔥" in first
    assert date.fromisoformat(yesterday).isoformat() not in again
    assert held in again


def test_no_freeze_line_when_freezes_are_off(i18n: I18n) -> None:
    with get_i18n().use_locale("en"):
        assert held_line(Freezes(0, 0)) is None
        assert held_line(Freezes(0, 2)) == "❄️ Streak freezes: 0/2"


NAMED = CourseSettings(((1, "Newcomer"), (2, "Apprentice <2>")))


@pytest.mark.parametrize(
    ("language", "reached", "shown"),
    [
        (
            "en",
            "⭐ <b>Level 2 reached: Apprentice &lt;2&gt;!</b>",
            "⭐ Level 2: Apprentice &lt;2&gt;",
        ),
        (
            "ru",
            "⭐ <b>Новый уровень 2: Apprentice &lt;2&gt;!</b>",
            "⭐ Уровень 2: Apprentice &lt;2&gt;",
        ),
    ],
)
async def test_the_packs_level_names_are_announced_and_shown(
    language: str, reached: str, shown: str
) -> None:
    chat = Chat(language)
    chat.uow.catalogue.settings = NAMED

    feedback = await complete_variables(chat)
    (progress,) = await chat.say("/progress")
    (profile,) = await chat.say("/profile")

    assert reached in feedback
    assert shown in progress
    assert shown in profile


def test_the_board_shows_a_named_level_in_place_of_its_number(i18n: I18n) -> None:
    now = datetime(2026, 1, 5, tzinfo=UTC)
    ada = LeaderboardEntry(1, 1, 35, 2, 1, "Ada", now)
    bob = LeaderboardEntry(2, 2, 75, 1, 0, "Bob", now)
    with get_i18n().use_locale("en"):
        text = board_screen(Board([bob, ada], ada, []), NAMED.levels(DEFAULT_CURVE)).text

    assert "Ada — 35 · Apprentice &lt;2&gt;" in text
    assert "Bob — 75 · lvl 3" in text
