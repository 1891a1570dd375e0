"""Screens that must look right whatever the data: bars, shuffles, criteria in words."""

from collections.abc import Iterator

import pytest
from aiogram.utils.i18n import I18n, get_i18n

from bot.config import LOCALES_DIR
from bot.middlewares.locale import pick_locale
from bot.rendering.bars import progress_bar
from bot.rendering.course import lesson_pages, lesson_screen
from bot.rendering.kinds import correct_answer_lines, shuffled
from bot.rendering.quiz import completion_lines
from bot.rendering.standing import criterion_text
from domain.achievements import Showcase, parse_criterion
from domain.catalogue import Challenge, Lesson, LessonContent, Module
from domain.enums import ChallengeKind
from domain.learners import Learner
from domain.progress import Progress
from domain.streaks import Streak
from tests.unit.conftest import START

NO_MODULES = Showcase([])


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n = I18n(path=LOCALES_DIR, default_locale="en")
    with i18n.context(), i18n.use_locale("en"):
        yield


@pytest.mark.parametrize(
    ("done", "total", "bar"),
    [
        (0, 5, "▱▱▱▱▱ 0/5"),
        (3, 5, "▰▰▰▱▱ 3/5"),
        (5, 5, "▰▰▰▰▰ 5/5"),
        (1, 3, "▰▱▱▱▱ 1/3"),
        (0, 0, "▱▱▱▱▱ 0/0"),
    ],
)
def test_progress_bars_fill_in_proportion_and_are_full_only_when_done(
    done: int, total: int, bar: str
) -> None:
    assert progress_bar(done, total) == bar


def test_options_are_shuffled_the_same_way_for_a_learner_and_differently_for_others() -> None:
    options = tuple("abcdef")
    orders = {tuple(shuffled(options, learner, 9)) for learner in range(20)}

    assert shuffled(options, 1, 9) == shuffled(options, 1, 9)
    assert sorted(shuffled(options, 1, 9)) == list(range(6))
    assert len(orders) > 1


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ('{"lessons_completed": 1}', "complete 1 lesson"),
        ('{"lessons_completed": 3}', "complete 3 lessons"),
        ('{"streak_days": 1}', "study 1 day in a row"),
        ('{"streak_days": 7}', "study 7 days in a row"),
        ('{"challenges_solved": 1}', "solve 1 challenge"),
        ('{"challenges_solved": 50}', "solve 50 challenges"),
        ('{"total_score": 1}', "reach 1 point"),
        ('{"total_score": 500}', "reach 500 points"),
    ],
)
def test_locked_achievements_say_what_earns_them(raw: str, words: str) -> None:
    assert criterion_text(parse_criterion(raw), NO_MODULES.module_title) == words


def test_a_module_criterion_names_the_module_by_its_title() -> None:
    showcase = Showcase([], {"basics": "Python <basics>"})

    shown = criterion_text(parse_criterion('{"module": "basics"}'), showcase.module_title)

    assert shown == "complete the module “Python &lt;basics&gt;”"


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ('{"lessons_completed": 1}', "пройти 1 урок"),
        ('{"lessons_completed": 3}', "пройти 3 урока"),
        ('{"lessons_completed": 11}', "пройти 11 уроков"),
        ('{"streak_days": 21}', "заниматься 21 день подряд"),
        ('{"streak_days": 22}', "заниматься 22 дня подряд"),
        ('{"streak_days": 7}', "заниматься 7 дней подряд"),
        ('{"challenges_solved": 1}', "решить 1 задание"),
        ('{"challenges_solved": 5}', "решить 5 заданий"),
        ('{"total_score": 2}', "набрать 2 балла"),
        ('{"total_score": 500}', "набрать 500 баллов"),
    ],
)
def test_locked_achievements_agree_with_their_number_in_russian(raw: str, words: str) -> None:
    """Russian has three plural forms: 1 (and 21, 31...), 2-4 (and 22-24...), the rest."""
    with get_i18n().use_locale("ru"):
        assert criterion_text(parse_criterion(raw), NO_MODULES.module_title) == words


@pytest.mark.parametrize(
    ("locale", "days", "line"),
    [
        ("en", 1, "🔥 Streak: 1 day"),
        ("en", 2, "🔥 Streak: 2 days"),
        ("ru", 1, "🔥 Серия: 1 день"),
        ("ru", 3, "🔥 Серия: 3 дня"),
        ("ru", 12, "🔥 Серия: 12 дней"),
    ],
)
def test_a_completed_lesson_counts_the_streak_in_days(locale: str, days: int, line: str) -> None:
    with get_i18n().use_locale(locale):
        lines = completion_lines(10, (), Streak(current=days, longest=days, studied_today=True))

    assert lines[-1] == line


def learner(locale: str | None, language_code: str | None) -> Learner:
    return Learner(1, 1, None, "A", None, language_code, None, True, START, START, locale)


def test_the_chosen_language_wins_then_telegrams_then_the_default() -> None:
    available = ("en", "ru")
    assert pick_locale(learner("ru", "en"), available, "en") == "ru"
    assert pick_locale(learner(None, "ru-RU"), available, "en") == "ru"
    assert pick_locale(learner(None, "de"), available, "en") == "en"


def last_page_buttons(progress: Progress, *, retaking: bool) -> list[str]:
    module = Module(1, "basics", "Basics", None, 1)
    lesson = Lesson(2, 1, "loops", "Loops", "Loop over things.", 1)
    quiz = Challenge(
        3, 2, "q", 1, ChallengeKind.SINGLE_CHOICE, "Which?", ("a", "b"), frozenset({0})
    )
    view = lesson_screen(LessonContent(lesson, module, (quiz,)), progress, 0, retaking=retaking)
    assert view.keyboard is not None
    return [button.text for row in view.keyboard.inline_keyboard for button in row]


def test_the_last_page_leads_to_the_quiz_unless_the_lesson_is_done() -> None:
    started = Progress.begin(1, 2, START)
    done = started.completed(10, START)
    retake = done.retaken()

    assert "Start the quiz ▶" in last_page_buttons(started, retaking=False)
    assert "🔁 Retake" in last_page_buttons(done, retaking=False)
    assert "Start the quiz ▶" in last_page_buttons(retake, retaking=True)
    assert "🔁 Retake" not in last_page_buttons(retake, retaking=True)


def test_a_lesson_that_opens_with_its_own_title_shows_the_title_once() -> None:
    module = Module(1, "basics", "Basics", None, 1)
    lesson = Lesson(2, 1, "loops", "Loops", "# Loops\n\nLoop over things.", 1)

    assert lesson_pages(LessonContent(lesson, module)) == ["<b>Loops</b>\n\nLoop over things."]


def test_each_correct_option_of_a_multiple_choice_stands_on_its_own_line() -> None:
    options = ("move(1)", "move(1, 2)", "  move(y=2)", "move(y=2, x=1)", "a < b")
    challenge = Challenge(
        3, 2, "q", 1, ChallengeKind.MULTIPLE_CHOICE, "Which?", options, frozenset({4, 1, 3})
    )

    assert correct_answer_lines(challenge) == [
        "Correct answers:",
        "• move(1, 2)",
        "• move(y=2, x=1)",
        "• a &lt; b",
    ]
    with get_i18n().use_locale("ru"):
        assert correct_answer_lines(challenge)[0] == "Правильные ответы:"


def test_a_single_correct_answer_stays_on_the_verdicts_line() -> None:
    single = Challenge(
        3, 2, "q", 1, ChallengeKind.SINGLE_CHOICE, "?", ("a, b", "c"), frozenset({0})
    )
    typed = Challenge(4, 2, "t", 2, ChallengeKind.TEXT, "?", accepted_answers=("print", "print()"))

    assert correct_answer_lines(single) == ["Correct answer: a, b"]
    assert correct_answer_lines(typed) == ["Correct answer: print"]
