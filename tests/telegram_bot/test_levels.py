"""Levels as a learner reads them: announced once in the feedback, shown with a bar in
/progress and /profile, beside the score on the board; in English and in Russian."""

from datetime import UTC, datetime

import pytest
from aiogram.utils.i18n import I18n, get_i18n

from bot.callbacks import FinishCb, PickCb
from bot.rendering.levels import level_lines
from bot.rendering.standing import board_screen
from domain.leaderboard import Board, LeaderboardEntry
from domain.levels import DEFAULT_CURVE
from tests.telegram_bot.chat import Chat, complete_variables
from tests.unit.course import PICK_ONE, VARIABLES


async def test_the_answer_that_reaches_a_level_announces_it_and_a_replay_does_not() -> None:
    chat = Chat("en")

    await chat.press(FinishCb(lesson_id=VARIABLES))
    first = await chat.press(PickCb(challenge_id=PICK_ONE, attempt=1, option=1))
    feedback = await complete_variables(chat)
    replayed = await chat.press(PickCb(challenge_id=PICK_ONE, attempt=1, option=1))

    assert "Level" not in "\n".join(first)
    assert "🎉 <b>Lesson complete!</b>" in feedback
    assert "⭐ <b>Level 2 reached!</b>" in feedback
    assert "Level" not in "\n".join(replayed)


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        ("en", ["⭐ Level 2", "▱▱▱▱▱ 2/39 · 37 points to level 3"]),
        ("ru", ["⭐ Уровень 2", "▱▱▱▱▱ 2/39 · 37 баллов до уровня 3"]),
    ],
)
@pytest.mark.parametrize("command", ["/progress", "/profile"])
async def test_progress_and_profile_show_the_level_and_the_points_to_the_next(
    language: str, lines: list[str], command: str
) -> None:
    chat = Chat(language)
    await complete_variables(chat)

    (screen,) = await chat.say(command)

    assert "\n".join(lines) in screen


@pytest.mark.parametrize(
    ("points", "line"),
    [(29, "1 балл до уровня 2"), (27, "3 балла до уровня 2"), (10, "20 баллов до уровня 2")],
)
def test_the_points_to_the_next_level_agree_with_their_number_in_russian(
    i18n: I18n, points: int, line: str
) -> None:
    with get_i18n().use_locale("ru"):
        assert level_lines(DEFAULT_CURVE.level_of(points))[1].endswith(line)


def test_the_top_level_says_there_is_none_higher(i18n: I18n) -> None:
    with get_i18n().use_locale("en"):
        lines = level_lines(DEFAULT_CURVE.level_of(10_000))

    assert lines == ["⭐ Level 10", "The top level: there is none higher."]


@pytest.mark.parametrize(("language", "row"), [("en", "lvl 2"), ("ru", "ур. 2")])
def test_the_board_shows_each_learners_level_beside_the_score(
    i18n: I18n, language: str, row: str
) -> None:
    now = datetime(2026, 1, 5, tzinfo=UTC)
    ada = LeaderboardEntry(1, 1, 35, 2, 1, "Ada", now)
    bob = LeaderboardEntry(2, 2, 12, 1, 0, "Bob", now)
    with get_i18n().use_locale(language):
        text = board_screen(Board([ada, bob], ada, []), DEFAULT_CURVE).text

    assert f"1. Ada — 35 · {row}" in text
    assert "2. Bob — 12 · " in text
