"""A pack as Moodle XML: prompts and explanations in Moodle's ``markdown`` format, so they
come back as written; options as plain text; the slug as the question's name."""

from xml.etree.ElementTree import Element, SubElement, indent, tostring

from domain.content import ChallengeSpec, CoursePack
from domain.enums import ChallengeKind
from infrastructure.importers.written import Written, moodle_questions


def write_moodle_xml(pack: CoursePack) -> Written:
    written = Written()
    quiz = Element("quiz")
    for category, challenge in moodle_questions(pack, written):
        if category is not None:
            _text(SubElement(SubElement(quiz, "question", type="category"), "category"), category)
        quiz.append(_question(challenge))
    indent(quiz)
    written.text = '<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(quiz, "unicode") + "\n"
    return written


def _question(challenge: ChallengeSpec) -> Element:
    kind = "shortanswer" if challenge.kind is ChallengeKind.TEXT else "multichoice"
    question = Element("question", type=kind)
    _text(SubElement(question, "name"), challenge.slug)
    _text(SubElement(question, "questiontext", format="markdown"), challenge.prompt)
    if challenge.explanation:
        _text(SubElement(question, "generalfeedback", format="markdown"), challenge.explanation)
    if kind == "multichoice":
        single = challenge.kind is ChallengeKind.SINGLE_CHOICE
        SubElement(question, "single").text = "true" if single else "false"
    for fraction, text in _answers(challenge):
        _text(SubElement(question, "answer", fraction=fraction, format="plain_text"), text)
    return question


def _answers(challenge: ChallengeSpec) -> list[tuple[str, str]]:
    """Moodle's fractions: the correct answers share 100, a wrong choice takes 100 off."""
    if challenge.kind is ChallengeKind.TEXT:
        return [("100", str(answer)) for answer in challenge.answers]
    right = (
        "100"
        if challenge.kind is ChallengeKind.SINGLE_CHOICE
        else f"{100 / len(challenge.answers):.5g}"
    )
    wrong = "0" if challenge.kind is ChallengeKind.SINGLE_CHOICE else "-100"
    return [
        (right if index in challenge.answers else wrong, option)
        for index, option in enumerate(challenge.options)
    ]


def _text(parent: Element, text: str) -> None:
    SubElement(parent, "text").text = text
