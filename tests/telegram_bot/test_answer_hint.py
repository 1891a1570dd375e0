"""The challenge a button answers, read from its payload before the learner is loaded
(the store's read-ahead hint): lesson answers only, and nothing from a forged payload."""

import pytest

from bot.callbacks import (
    ChallengeCb,
    PickCb,
    ReviewPickCb,
    ReviewSubmitCb,
    SubmitCb,
    ToggleCb,
    answered_challenge,
)


def test_a_lesson_answer_button_names_its_challenge() -> None:
    assert answered_challenge(PickCb(challenge_id=7, attempt=1, option=2).pack()) == 7
    assert answered_challenge(SubmitCb(challenge_id=8, attempt=3, mask=5).pack()) == 8


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        ChallengeCb(lesson_id=1, challenge_id=7).pack(),
        ToggleCb(lesson_id=1, challenge_id=7, attempt=1, mask=1).pack(),
        ReviewPickCb(challenge_id=7, review=1, option=0).pack(),
        ReviewSubmitCb(challenge_id=7, review=1, mask=1).pack(),
        "a:2147483648:1:0",
        "a:7:1",
        "s:x:1:1",
    ],
)
def test_any_other_payload_names_none(data: str | None) -> None:
    assert answered_challenge(data) is None
