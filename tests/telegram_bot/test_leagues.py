"""Weekly leagues as a learner reads them: the League view of /top and the week's result,
in English and in Russian."""

from datetime import date

import pytest
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.i18n import I18n, get_i18n

from bot.callbacks import Nav, Screen
from bot.config import LOCALES_DIR
from bot.rendering.leagues import league_screen, result_text, result_texts
from bot.rendering.standing import board_screen
from domain.leaderboard import Board
from domain.leagues import (
    LeagueMember,
    LeagueResult,
    LeagueRules,
    Outcome,
    league_view,
)
from domain.levels import DEFAULT_CURVE
from tests.telegram_bot.chat import Chat
from tests.unit.fakes.tables import FakeMembership

MONDAY = date(2026, 3, 2)
RULES = LeagueRules(size=30, tiers=5, promote=1, demote=1)
MEMBERS = [
    LeagueMember(1, "ann", 40),
    LeagueMember(2, "bob", 25),
    LeagueMember(3, "<cy>", 10),
    LeagueMember(4, "hidden", 5, hidden=True),
]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "<b>League · Silver</b> · 3 days left",
                "The top 1 moves up. The bottom 1 moves down.",
                "",
                "🔼 1. ann — 40",
                "<b>▫️ 2. bob — 25 ←</b>",
                "▫️ 3. &lt;cy&gt; — 10",
                "",
                "Your place: 2 of 4.",
            ],
        ),
        (
            "ru",
            [
                "<b>Лига «Серебро»</b> · осталось 3 дня",
                "Первый 1 поднимается выше. Последний 1 опускается ниже.",
                "",
                "🔼 1. ann — 40",
                "<b>▫️ 2. bob — 25 ←</b>",
                "▫️ 3. &lt;cy&gt; — 10",
                "",
                "Ваше место: 2 из 4.",
            ],
        ),
    ],
)
def test_the_league_view_shows_the_zones_the_place_and_the_days_left(
    i18n: I18n, language: str, expected: list[str]
) -> None:
    view = league_view(2, MONDAY, 1, MEMBERS, RULES, 3)
    with get_i18n().use_locale(language):
        screen = league_screen(view)
    assert screen.text.split("\n") == expected


def test_the_league_view_names_the_learners_own_zone_and_a_packs_tier_name(i18n: I18n) -> None:
    top = league_screen(league_view(4, MONDAY, 4, MEMBERS, RULES, 1, "Legends"))
    bottom = league_screen(league_view(1, MONDAY, 0, MEMBERS[:1], RULES, 1))

    assert top.text.startswith("<b>League · Legends</b> · 1 day left\nTop tier: nobody")
    assert top.text.endswith("Your place: 4 of 4. You are in the demotion zone.")
    assert "hidden" in top.text
    assert "Nobody moves down." in bottom.text
    assert bottom.text.endswith("You are in the promotion zone.")


def result(outcome: Outcome, locale: str | None = "en") -> LeagueResult:
    return LeagueResult(1, 7, locale, MONDAY, 1, 3, 21, outcome)


@pytest.mark.parametrize(
    ("outcome", "language", "text"),
    [
        (
            Outcome.PROMOTED,
            "en",
            "🏆 The week is over: you finished #3 in the Silver league with 21 points and "
            "move up to the Gold league!",
        ),
        (
            Outcome.DEMOTED,
            "en",
            "The week is over: you finished #3 in the Silver league with 21 points and move "
            "down to the Bronze league. A new week, a new chance!",
        ),
        (
            Outcome.STAYED,
            "ru",
            "Неделя закончилась: вы заняли 3-е место в лиге «Серебро» и набрали 21 балл. "
            "Вы остаётесь в ней. Началась новая неделя!",
        ),
        (
            Outcome.PROMOTED,
            "ru",
            "🏆 Неделя закончилась: вы заняли 3-е место в лиге «Серебро» и набрали 21 балл. "
            "Вы переходите в лигу «Золото»!",
        ),
    ],
)
def test_the_weeks_result_is_worded_for_each_outcome(
    i18n: I18n, outcome: Outcome, language: str, text: str
) -> None:
    with get_i18n().use_locale(language):
        assert result_text(result(outcome)) == text


def test_the_result_is_told_in_the_learners_language_outside_any_update() -> None:
    text = result_texts(I18n(path=LOCALES_DIR, default_locale="en"))

    assert text(result(Outcome.STAYED, "ru-RU")).startswith("Неделя закончилась")
    assert text(result(Outcome.STAYED, "de")).startswith("The week is over")
    assert text(result(Outcome.STAYED, None)).startswith("The week is over")


async def test_top_leads_to_the_league_view_which_waits_for_monday_before_the_first_league() -> (
    None
):
    chat = Chat("ru")
    await chat.say("/top")
    (nothing,) = await chat.press(Nav(screen=Screen.LEAGUE))
    (learner,) = chat.uow.saved.learners
    week = date(2026, 3, 2)
    chat.uow.working.league_members[(week, learner)] = FakeMembership(tier=0, league=0)
    chat.uow.working.week_points[(learner, week)] = 12
    await chat.uow.commit()
    (league,) = await chat.press(Nav(screen=Screen.LEAGUE))

    assert nothing.startswith("<b>Лига</b>\n\nНа этой неделе вы не в лиге.")
    assert league.startswith("<b>Лига «Бронза»</b> · осталось 7 дней")
    assert "<b>🔼 1. Ada — 12 ←</b>" in league


def test_both_boards_lead_to_the_league_and_the_league_back_to_them(i18n: I18n) -> None:
    board = board_screen(Board(top=[], me=None, around_me=[]), DEFAULT_CURVE)
    league = league_screen(None)

    assert "🛡 League" in buttons(board.keyboard)
    assert buttons(league.keyboard) == ["🏆 All time", "📅 This week", "🏠 Menu"]


def buttons(keyboard: InlineKeyboardMarkup | None) -> list[str]:
    assert keyboard is not None
    return [button.text for row in keyboard.inline_keyboard for button in row]
