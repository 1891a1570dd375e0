"""Per-kind rendering, for lesson and review screens alike: the controls a challenge is
answered with, and its right answer in the feedback. A new kind adds a row to ``CONTROLS``
(its rules live in domain/kinds.py)."""

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from aiogram.filters.callback_data import CallbackData
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.rendering.common import escape
from domain.catalogue import Challenge
from domain.enums import ChallengeKind
from domain.kinds import kind_of


@dataclass(frozen=True, slots=True)
class Payloads:
    """The screen's callback data, its fixed fields bound: ``pick(option=)`` for one option,
    ``tick(mask=)`` for the selection after a tap, ``submit(mask=)`` for the selection."""

    pick: Callable[..., CallbackData]
    tick: Callable[..., CallbackData]
    submit: Callable[..., CallbackData]


Controls = Callable[[InlineKeyboardBuilder, Challenge, list[int], int, Payloads], list[str]]
"""Adds a kind's buttons (options in the learner's order) and returns its lines of help."""


def shuffled(options: Sequence[str], learner_id: int, challenge_id: int) -> list[int]:
    """The same order for a learner every time they see the challenge, another for others."""
    order = list(range(len(options)))
    random.Random(learner_id * 1_000_003 + challenge_id).shuffle(order)
    return order


def answer_controls(
    builder: InlineKeyboardBuilder,
    challenge: Challenge,
    learner_id: int,
    mask: int,
    payloads: Payloads,
) -> list[str]:
    """The challenge's kind adds its buttons; the lines go under the prompt."""
    order = shuffled(challenge.options, learner_id, challenge.id)
    return CONTROLS[challenge.kind](builder, challenge, order, mask, payloads)


def _typed(
    builder: InlineKeyboardBuilder, challenge: Challenge, order: list[int], mask: int, to: Payloads
) -> list[str]:
    return ["", _("✍ Type your answer and send it as a message.")]


def ticked(mask: int) -> frozenset[int]:
    """The options a multiple-choice button's mask has ticked (bit ``i``: option ``i``)."""
    return frozenset(bit for bit in range(mask.bit_length()) if mask >> bit & 1)


def within(mask: int, challenge: Challenge) -> int:
    """``mask`` without bits beyond the challenge's options (a forged button may set them)."""
    return mask & ((1 << len(challenge.options)) - 1)


def _pick_one(
    builder: InlineKeyboardBuilder, challenge: Challenge, order: list[int], mask: int, to: Payloads
) -> list[str]:
    for index in order:
        builder.button(text=challenge.options[index], callback_data=to.pick(option=index))
    return []


def _tick_several(
    builder: InlineKeyboardBuilder, challenge: Challenge, order: list[int], mask: int, to: Payloads
) -> list[str]:
    for index in order:
        mark = "☑" if mask & (1 << index) else "☐"
        tapped = to.tick(mask=mask ^ (1 << index))
        builder.button(text=f"{mark} {challenge.options[index]}", callback_data=tapped)
    builder.button(text=_("✔ Check"), callback_data=to.submit(mask=mask))
    return ["", _("Select every correct option, then press Check.")]


CONTROLS: dict[ChallengeKind, Controls] = {
    ChallengeKind.SINGLE_CHOICE: _pick_one,
    ChallengeKind.MULTIPLE_CHOICE: _tick_several,
    ChallengeKind.TEXT: _typed,
}


def correct_answer_lines(challenge: Challenge) -> list[str]:
    """One answer on the line; several one per line, since a comma may belong to an option."""
    answers = _correct_answers(challenge)
    if len(answers) > 1:
        return [_("Correct answers:"), *(f"• {escape(answer)}" for answer in answers)]
    return [_("Correct answer: {answer}").format(answer=escape(answer)) for answer in answers]


def _correct_answers(challenge: Challenge) -> list[str]:
    """A typed answer's first accepted spelling; a choice's right options in the author's order."""
    if kind_of(challenge.kind).typed:
        return list(challenge.accepted_answers[:1])
    return [challenge.options[index] for index in sorted(challenge.correct_options)]
