"""The daily goal as a learner meets it: picked in the profile, today's points against it
in /progress and on its screen, in English and in Russian."""

import pytest
from aiogram.utils.i18n import I18n, get_i18n

from bot.callbacks import GoalCb
from bot.rendering.goal import today_line
from domain.goals import DailyProgress
from tests.telegram_bot.chat import Chat, complete_variables


async def test_the_profile_offers_the_goal_and_the_goal_screen_sets_an_offered_one() -> None:
    chat = Chat("en")

    (profile,) = await chat.say("/profile")
    (choices,) = await chat.press(GoalCb())
    (chosen,) = await chat.press(GoalCb(points=30))

    assert "🎯 Daily goal: 20 points" in profile
    assert "🎯 Today: ▱▱▱▱▱ 0/20 · 20 points to your goal" in choices
    assert "🎯 Daily goal: 30 points" in chosen
    assert "🎯 Today: ▱▱▱▱▱ 0/30 · 30 points to your goal" in chosen
    (learner,) = chat.uow.saved.learners.values()
    assert learner.daily_goal == 30


async def test_a_forged_goal_changes_nothing() -> None:
    chat = Chat("en")

    (screen,) = await chat.press(GoalCb(points=15))

    assert "🎯 Daily goal: 20 points" in screen
    (learner,) = chat.uow.saved.learners.values()
    assert learner.daily_goal == 20


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "🎯 Today: ▰▰▰▰▰ 32/20 · daily goal met ✅"),
        ("ru", "🎯 Сегодня: ▰▰▰▰▰ 32/20 · дневная цель выполнена ✅"),
    ],
)
async def test_progress_shows_todays_points_against_the_goal(language: str, line: str) -> None:
    chat = Chat(language)
    await complete_variables(chat)

    (report,) = await chat.say("/progress")

    assert line in report


@pytest.mark.parametrize(
    ("points", "words"),
    [(19, "до цели 1 балл"), (17, "до цели 3 балла"), (0, "до цели 20 баллов")],
)
def test_the_points_left_agree_with_their_number_in_russian(
    i18n: I18n, points: int, words: str
) -> None:
    with get_i18n().use_locale("ru"):
        assert today_line(DailyProgress(20, points)).endswith(words)


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "🎯 <b>Daily goal met!</b> See you tomorrow."),
        ("ru", "🎯 <b>Дневная цель выполнена!</b> До завтра."),
    ],
)
async def test_the_answer_that_meets_the_goal_says_so_and_the_next_message_does_not(
    language: str, line: str
) -> None:
    chat = Chat(language)

    feedback = await complete_variables(chat)
    replayed = await chat.say("print")

    assert line in feedback
    assert line not in "\n".join(replayed)
