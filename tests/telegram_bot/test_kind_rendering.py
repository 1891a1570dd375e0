"""Every kind of the domain's table has its controls, and each kind draws its own."""

from collections.abc import Iterator
from functools import partial

import pytest
from aiogram.utils.i18n import I18n
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import PickCb, SubmitCb, ToggleCb
from bot.config import LOCALES_DIR
from bot.rendering.kinds import CONTROLS, Payloads, answer_controls
from domain.catalogue import Challenge
from domain.enums import ChallengeKind
from domain.kinds import KINDS

PAYLOADS = Payloads(
    pick=partial(PickCb, challenge_id=3, attempt=1),
    tick=partial(ToggleCb, lesson_id=2, challenge_id=3, attempt=1),
    submit=partial(SubmitCb, challenge_id=3, attempt=1),
)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n = I18n(path=LOCALES_DIR, default_locale="en")
    with i18n.context(), i18n.use_locale("en"):
        yield


def test_every_kind_in_the_domains_table_is_drawn() -> None:
    assert set(CONTROLS) == set(KINDS) == set(ChallengeKind)


@pytest.mark.parametrize(
    ("kind", "buttons", "hint"),
    [
        (ChallengeKind.SINGLE_CHOICE, ["a", "b"], []),
        (ChallengeKind.MULTIPLE_CHOICE, ["☑ a", "☐ b", "✔ Check"], ["", "Select every"]),
        (ChallengeKind.TEXT, [], ["", "✍ Type your answer"]),
    ],
)
def test_each_kind_draws_its_controls(
    kind: ChallengeKind, buttons: list[str], hint: list[str]
) -> None:
    options = () if kind is ChallengeKind.TEXT else ("a", "b")
    challenge = Challenge(3, 2, "q", 1, kind, "?", options, frozenset({0}))
    builder = InlineKeyboardBuilder()

    lines = answer_controls(builder, challenge, learner_id=0, mask=0b01, payloads=PAYLOADS)

    drawn = [button.text for row in builder.export() for button in row]
    assert sorted(drawn) == sorted(buttons)
    assert [line[: len(start)] for line, start in zip(lines, hint, strict=True)] == hint
