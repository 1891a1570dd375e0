"""Moodle XML as Moodle documents it (docs.moodle.org/en/Moodle_XML_format)."""

import pytest

from domain.enums import ChallengeKind
from infrastructure.importers.moodle_xml import parse_moodle_xml
from infrastructure.importers.questions import Bank, BankError


def quiz(*questions: str) -> Bank:
    return parse_moodle_xml('<?xml version="1.0" ?>\n<quiz>\n' + "\n".join(questions) + "\n</quiz>")


MULTICHOICE = """<question type="multichoice">
  <name><text>Name of question</text></name>
  <questiontext format="html">
    <text><![CDATA[<p>What is the <b>answer</b> to this question?</p>]]></text>
  </questiontext>
  <generalfeedback format="html"><text>It is the first.</text></generalfeedback>
  <single>true</single>
  <answer fraction="100"><text>The correct answer</text>
    <feedback><text>Correct!</text></feedback></answer>
  <answer fraction="0"><text>A distractor</text><feedback><text>Ooops!</text></feedback></answer>
  <answer fraction="0"><text>Another distractor</text></answer>
</question>"""


def test_multichoice_single_with_html_text_as_markdown() -> None:
    question = quiz(MULTICHOICE).questions[0]

    assert question.kind is ChallengeKind.SINGLE_CHOICE
    assert question.prompt == "What is the **answer** to this question?"
    assert question.options == ("The correct answer", "A distractor", "Another distractor")
    assert question.answers == (0,)
    assert question.title == "Name of question"
    assert question.explanation == "It is the first."


def test_multichoice_multiple_takes_the_positive_fractions_and_reports_the_weights() -> None:
    bank = quiz(
        """<question type="multichoice"><questiontext><text>Pick the evens.</text></questiontext>
        <single>false</single>
        <answer fraction="50"><text>2</text></answer>
        <answer fraction="-100"><text>3</text></answer>
        <answer fraction="50"><text>4</text></answer></question>"""
    )

    assert bank.questions[0].kind is ChallengeKind.MULTIPLE_CHOICE
    assert bank.questions[0].answers == (0, 2)
    assert [(note.line, note.skipped) for note in bank.notes] == [(3, False)]


def test_options_in_html_are_plain_text() -> None:
    bank = quiz(
        """<question type="multichoice"><questiontext><text>Which?</text></questiontext>
        <answer fraction="100" format="html">
          <text>&lt;p&gt;snake_case &amp; *stars*&lt;/p&gt;</text></answer>
        <answer fraction="0" format="html"><text>CamelCase</text></answer></question>"""
    )

    assert bank.questions[0].options == ("snake_case & *stars*", "CamelCase")


def test_shortanswer_accepts_every_full_mark_answer() -> None:
    bank = quiz(
        """<question type="shortanswer">
        <questiontext format="plain_text"><text>Capital of France?</text></questiontext>
        <usecase>1</usecase>
        <answer fraction="100"><text>Paris</text></answer>
        <answer fraction="100"><text>paris</text></answer>
        <answer fraction="30"><text>France</text></answer></question>"""
    )

    assert bank.questions[0].kind is ChallengeKind.TEXT
    assert bank.questions[0].answers == ("Paris", "paris")
    assert sorted(note.message for note in bank.notes) == [
        "'France' earned 30%: not accepted",
        "case-sensitive matching becomes case-insensitive",
    ]


@pytest.mark.parametrize(("correct", "index"), [("true", 0), ("false", 1)])
def test_truefalse(correct: str, index: int) -> None:
    wrong = "false" if correct == "true" else "true"
    bank = quiz(
        f"""<question type="truefalse"><questiontext><text>Is it?</text></questiontext>
        <answer fraction="100"><text>{correct}</text>
          <feedback><text>Well done</text></feedback></answer>
        <answer fraction="0"><text>{wrong}</text></answer></question>"""
    )

    question = bank.questions[0]
    assert (question.options, question.answers) == (("True", "False"), (index,))
    assert question.explanation == "Well done"


def test_a_category_groups_the_questions_after_it() -> None:
    category = (
        '<question type="category"><category><text>$course$/top/Maths/Sums</text></category>'
        "</question>"
    )

    bank = quiz(category, MULTICHOICE)

    assert bank.questions[0].category == ("Maths", "Sums")


@pytest.mark.parametrize(
    "kind", ["numerical", "matching", "essay", "description", "multianswer", "calculated"]
)
def test_other_types_are_skipped_with_their_line(kind: str) -> None:
    bank = quiz(MULTICHOICE, f'<question type="{kind}"><name><text>x</text></name></question>')

    line = 3 + MULTICHOICE.count("\n") + 1
    assert [(note.line, note.source_kind) for note in bank.skipped] == [(line, kind)]
    assert len(bank.questions) == 1


def test_an_embedded_image_is_reported() -> None:
    bank = quiz(
        """<question type="truefalse"><questiontext format="html">
        <text><![CDATA[<p>Is this a cat? <img src="@@PLUGINFILE@@/cat.png"></p>]]></text>
        </questiontext>
        <answer fraction="100"><text>true</text></answer>
        <answer fraction="0"><text>false</text></answer></question>"""
    )

    assert bank.questions[0].prompt == "Is this a cat?"
    assert bank.notes[0].message == "images and embedded files are left out of the prompt"


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
<quiz>&lol2;</quiz>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<quiz><question type="shortanswer">
<questiontext><text>&secret;</text></questiontext></question></quiz>"""


@pytest.mark.parametrize("text", [BILLION_LAUGHS, EXTERNAL])
def test_entities_and_dtds_are_refused(text: str) -> None:
    with pytest.raises(BankError, match="DTD or entities"):
        parse_moodle_xml(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [("<quiz><question></quiz>", "the XML is broken"), ("<html/>", "not <quiz>")],
)
def test_a_file_that_is_no_quiz_is_refused(text: str, message: str) -> None:
    with pytest.raises(BankError, match=message):
        parse_moodle_xml(text)
