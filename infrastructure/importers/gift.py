"""GIFT, Moodle's text format for question banks (docs.moodle.org/en/GIFT_format).

No GIFT parser on PyPI is maintained (pygiftparser's last release is from 2017), so this
one follows Moodle's documentation and its examples, which are its tests.
"""

import re
from dataclasses import dataclass

from infrastructure.importers.answers import Stem
from infrastructure.importers.gift_answers import answer_block
from infrastructure.importers.gift_text import blocks, protect, restore
from infrastructure.importers.html import HtmlTooDeep, html_to_markdown
from infrastructure.importers.questions import Bank, category_path

CATEGORY = "$CATEGORY:"
_FORMAT = re.compile(r"\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_PUNCTUATION = tuple(".,;:!?)")


def parse_gift(text: str) -> Bank:
    bank = Bank()
    category: tuple[str, ...] = ()
    for line, lines in blocks(protect(text)):
        while lines and lines[0].strip().startswith(CATEGORY):
            category = category_path(restore(lines.pop(0).strip()[len(CATEGORY) :]))
            line += 1
        if not lines:
            continue
        try:
            _question(bank, line, category, "\n".join(lines).strip())
        except HtmlTooDeep as error:
            bank.skip(line, "gift", str(error))
    return bank


@dataclass(frozen=True, slots=True)
class _Parts:
    title: str | None
    markup: str
    before: str
    block: str | None
    after: str


def _question(bank: Bank, line: int, category: tuple[str, ...], body: str) -> None:
    parts = _split(body)
    if parts.block is None:
        bank.skip(line, "description", "text without an answer block {…} is not a question")
        return
    if not parts.before.strip() and not parts.after.strip():
        bank.skip(line, "gift", "the question has no text before or after its answers")
        return
    stem = Stem(line, category, parts.title, _prompt(parts))
    answer_block(bank, stem, parts.block)


def _split(body: str) -> _Parts:
    title = None
    if body.startswith("::") and (end := body.find("::", 2)) != -1:
        title, body = restore(body[2:end]).strip() or None, body[end + 2 :].lstrip()
    markup = "moodle"
    if format_ := _FORMAT.match(body):
        markup, body = format_.group(1).lower(), body[format_.end() :]
    opening = body.find("{")
    closing = body.find("}", opening + 1)
    if opening == -1 or closing == -1:
        return _Parts(title, markup, body, None, "")
    return _Parts(title, markup, body[:opening], body[opening + 1 : closing], body[closing + 1 :])


def _prompt(parts: _Parts) -> str:
    """A missing-word question ("Moodle costs {…} to download") gets a blank in its text."""
    before, after = _text(parts.before, parts.markup), _text(parts.after, parts.markup)
    if not after:
        return before
    space = "" if after.startswith(_PUNCTUATION) else " "
    return f"{before} _____{space}{after}"


def _text(protected: str, markup: str) -> str:
    text = restore(protected).strip()
    return html_to_markdown(text) if markup == "html" else text
