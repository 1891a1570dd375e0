"""A challenge as a quiz poll: the shown order maps back, and the heading says how long."""

import pytest
from aiogram.utils.i18n import I18n

from bot.rendering.polls import poll_intro_screen, quiz_poll
from domain.catalogue import Challenge
from domain.enums import ChallengeForm, ChallengeKind
from domain.services import ChallengeStep

OPTIONS = tuple("abcdefgh")


def poll_challenge(correct: int, open_period: int | None = None) -> Challenge:
    return Challenge(
        7,
        3,
        "pick",
        1,
        ChallengeKind.SINGLE_CHOICE,
        "Pick `b` <now>",
        options=OPTIONS,
        correct_options=frozenset({correct}),
        explanation="Because **b**.",
        form=ChallengeForm.POLL,
        open_period=open_period,
    )


@pytest.mark.parametrize("learner_id", range(1, 9))
def test_the_correct_option_and_the_order_point_at_the_same_text(learner_id: int) -> None:
    poll = quiz_poll(poll_challenge(correct=1), learner_id)

    assert poll.options == [OPTIONS[index] for index in poll.order]
    assert poll.options[poll.correct_option_id] == "b"
    assert sorted(poll.order) == list(range(len(OPTIONS)))


def test_the_question_stays_plain_and_the_explanation_becomes_html() -> None:
    poll = quiz_poll(poll_challenge(correct=1, open_period=30), 1)

    assert (poll.question, poll.explanation, poll.open_period) == (
        "Pick `b` <now>",
        "Because <b>b</b>.",
        30,
    )


def test_some_learners_see_the_right_option_elsewhere_than_first() -> None:
    positions = {quiz_poll(poll_challenge(correct=0), n).correct_option_id for n in range(20)}

    assert len(positions) > 1


@pytest.mark.parametrize(
    ("locale", "seconds", "said"),
    [
        ("en", 1, "It closes after 1 second."),
        ("en", 30, "It closes after 30 seconds."),
        ("ru", 21, "закроется через 21 секунду"),
        ("ru", 5, "закроется через 5 секунд"),
    ],
)
def test_the_heading_says_how_long_the_poll_stays_open(
    i18n: I18n, locale: str, seconds: int, said: str
) -> None:
    step = ChallengeStep(poll_challenge(1, seconds), 1, 2, 3, False)

    with i18n.use_locale(locale):
        screen = poll_intro_screen(step)

    assert said in screen.text
    assert screen.keyboard is not None


def test_a_poll_without_an_open_period_names_no_time(i18n: I18n) -> None:
    step = ChallengeStep(poll_challenge(1), 1, 2, 3, False)

    with i18n.use_locale("en"):
        text = poll_intro_screen(step).text

    assert "Question 2 of 3" in text
    assert "closes" not in text
