"""The answer block of a GIFT question, ``{…}``: which kind it is and what is correct.

Moodle decides the kind from the block's shape: ``T`` or ``F`` is true/false; only ``=``
answers are a short answer; ``=`` among ``~`` is multiple choice; ``~`` alone, with
weights, is multiple answers. ``#`` starts numerical, ``->`` matching, an empty block an essay.
"""

import re

from infrastructure.importers.answers import (
    Item,
    Stem,
    multiple_answers,
    multiple_choice,
    short_answer,
    true_false,
)
from infrastructure.importers.gift_text import restore
from infrastructure.importers.questions import Bank

_TRUE_FALSE = re.compile(r"(TRUE|FALSE|T|F)\s*(#[^#]*)?(#[^#]*)?", re.IGNORECASE)
_ITEM = re.compile(r"([=~])\s*(?:%(-?\d+(?:\.\d+)?)%)?([^=~]*)")


def answer_block(bank: Bank, stem: Stem, block: str) -> None:
    block, _, general = block.partition("####")
    general_feedback = restore(general).strip() or None
    if not block.strip():
        bank.skip(stem.line, "essay", "an essay has no answer to check")
    elif block.strip().startswith("#"):
        bank.skip(stem.line, "numerical", "numeric answers and ranges have no challenge kind")
    elif _matching(block):
        bank.skip(stem.line, "matching", "matching pairs have no challenge kind")
    elif match := _TRUE_FALSE.fullmatch(block.strip()):
        _true_false(bank, stem, match, general_feedback)
    else:
        items = [_item(found) for found in _ITEM.finditer(block)]
        _choices(bank, stem, items, general_feedback)


def _matching(block: str) -> bool:
    """Every answer is ``=left -> right``: an option that merely contains ``->`` is no pair."""
    items = [found.group(0) for found in _ITEM.finditer(block)]
    return bool(items) and all(item.startswith("=") and "->" in item for item in items)


def _item(found: re.Match[str]) -> Item:
    text, _, feedback = found.group(3).partition("#")
    weight = None if found.group(2) is None else float(found.group(2))
    return Item(found.group(1) == "=", weight, restore(text).strip(), restore(feedback).strip())


def _true_false(bank: Bank, stem: Stem, match: re.Match[str], general: str | None) -> None:
    """``{TRUE#shown if wrong#shown if right}``: either feedback serves as the explanation."""
    true = match.group(1).upper().startswith("T")
    feedback = [restore(group[1:]).strip() for group in match.groups()[1:] if group]
    explanation = general or next((text for text in reversed(feedback) if text), None)
    true_false(bank, stem, true, explanation)


def _choices(bank: Bank, stem: Stem, items: list[Item], general: str | None) -> None:
    if not items:
        bank.skip(stem.line, "gift", "the answer block has no answers (=, ~ or T/F)")
    elif all(item.correct_marker for item in items):
        short_answer(bank, stem, items, general)
    elif any(item.correct_marker for item in items):
        multiple_choice(bank, stem, items, general)
    else:
        multiple_answers(bank, stem, items, general)
