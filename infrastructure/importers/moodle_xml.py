"""Moodle XML (docs.moodle.org/en/Moodle_XML_format): the format Moodle exports banks in.

Multiple choice (one or several answers), short answer and true/false become challenges;
a ``category`` entry sets the module and lesson of the questions after it. The format is
plain XML read with the standard tree (through defusedxml), so it needs no library of its own.
"""

from collections.abc import Callable
from xml.etree.ElementTree import Element

from infrastructure.importers.answers import (
    Item,
    Stem,
    multiple_answers,
    multiple_choice,
    short_answer,
    true_false,
)
from infrastructure.importers.html import (
    HtmlTooDeep,
    has_embedded_files,
    html_to_markdown,
    html_to_plain,
)
from infrastructure.importers.questions import Bank, BankError, category_path
from infrastructure.importers.xml_tree import line_of, parse_xml

SUPPORTED = ("multichoice", "shortanswer", "truefalse")


def parse_moodle_xml(text: str) -> Bank:
    root = parse_xml(text)
    if root.tag != "quiz":
        raise BankError(f"line {line_of(root)}: the root element is <{root.tag}>, not <quiz>")
    bank = Bank()
    category: tuple[str, ...] = ()
    for element in root.iter("question"):
        kind = element.get("type", "")
        if kind == "category":
            category = category_path(_text(element, "category"))
        elif kind in SUPPORTED:
            try:
                _question(bank, element, kind, category)
            except HtmlTooDeep as error:
                bank.skip(line_of(element), kind, str(error))
        else:
            bank.skip(
                line_of(element), kind or "question", "this question type has no challenge kind"
            )
    return bank


def _question(bank: Bank, element: Element, kind: str, category: tuple[str, ...]) -> None:
    line = line_of(element)
    html = _text(element, "questiontext")
    if has_embedded_files(html):
        bank.note(line, kind, "images and embedded files are left out of the prompt")
    name = _text(element, "name") or None
    stem = Stem(line, category, name, _markdown(element.find("questiontext"), html))
    general = _markdown(element.find("generalfeedback"), _text(element, "generalfeedback")) or None
    items = [_item(answer) for answer in element.findall("answer")]
    if kind == "truefalse":
        _true_false(bank, stem, items, general)
    elif kind == "shortanswer":
        if _text(element, "usecase") == "1":
            bank.note(line, kind, "case-sensitive matching becomes case-insensitive")
        short_answer(bank, stem, items, general)
    elif _text(element, "single").lower() in ("false", "0"):
        multiple_answers(bank, stem, items, general)
    else:
        multiple_choice(bank, stem, items, general)


def _true_false(bank: Bank, stem: Stem, items: list[Item], general: str | None) -> None:
    right = [item for item in items if item.credit >= 100]
    if len(right) != 1 or right[0].text.lower() not in ("true", "false"):
        bank.skip(stem.line, "truefalse", "neither 'true' nor 'false' is marked correct")
        return
    true_false(bank, stem, right[0].text.lower() == "true", general or right[0].feedback)


def _item(answer: Element) -> Item:
    """An answer's text, its fraction of the mark, and what it says to who chose it."""
    try:
        fraction = float(answer.get("fraction", "0"))
    except ValueError:
        fraction = 0.0
    text = _converted(answer, _text(answer), html_to_plain)
    feedback = _markdown(answer.find("feedback"), _text(answer, "feedback")) or None
    return Item(correct_marker=False, weight=fraction, text=text, feedback=feedback)


def _text(element: Element, child: str | None = None) -> str:
    """``<child><text>…</text></child>``, or the element's own ``<text>`` when no child."""
    holder = element if child is None else element.find(child)
    if holder is None:
        return ""
    text = holder.findtext("text")
    return (holder.text or "" if text is None else text).strip()


def _markdown(holder: Element | None, text: str) -> str:
    return _converted(holder, text, html_to_markdown)


def _converted(holder: Element | None, text: str, convert: Callable[[str], str]) -> str:
    """Text in Moodle's ``html`` format is converted; plain, Markdown and auto text are kept."""
    if holder is not None and holder.get("format", "html") == "html":
        return convert(text)
    return text
