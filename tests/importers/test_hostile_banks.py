"""Banks come from anywhere: no input may crash an importer or hang it.

Whatever a parser returns must also become a pack without error, and the pack's questions
are only those the pack's validator accepts.
"""

from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infrastructure.content import export_pack
from infrastructure.importers.format_names import BankFormat
from infrastructure.importers.formats import PARSERS
from infrastructure.importers.gift import parse_gift
from infrastructure.importers.moodle_xml import parse_moodle_xml
from infrastructure.importers.pack import bank_to_pack
from infrastructure.importers.questions import BankError
from learnbot.content import read_pack

DEEP_HTML = "<b>" * 5000 + "x" + "</b>" * 5000
GIFT_SYNTAX = st.text(alphabet="{}=~#:%\\-> \nTF$CATEGORY[html]ab1", max_size=200)
AIKEN_LIKE = st.lists(st.sampled_from(["Q?", "A. x", "B) y", "ANSWER: A", "ANSWER: Z", ""]))
CSV_LIKE = st.text(alphabet='question,answers,options|\\"\nab', max_size=200)


@pytest.mark.parametrize(
    ("format_", "strategy"),
    [
        (BankFormat.GIFT, GIFT_SYNTAX),
        (BankFormat.AIKEN, AIKEN_LIKE.map("\n".join)),
        (BankFormat.CSV, CSV_LIKE),
        (BankFormat.MOODLE_XML, st.text(max_size=100)),
    ],
)
def test_any_text_is_a_bank_or_a_refusal(
    format_: BankFormat, strategy: st.SearchStrategy[str]
) -> None:
    @settings(max_examples=100, deadline=None)
    @given(strategy)
    def check(text: str) -> None:
        try:
            bank = PARSERS[format_](text)
        except BankError:
            return
        pack = bank_to_pack(bank, "Course", "bank")
        if pack.modules:
            with TemporaryDirectory() as folder:
                export_pack(pack, Path(folder))
                assert read_pack(Path(folder)).modules == pack.modules

    check()


def test_html_nested_too_deeply_skips_the_question_in_moodle_xml() -> None:
    bank = parse_moodle_xml(
        '<quiz><question type="truefalse"><questiontext><text><![CDATA['
        + DEEP_HTML
        + "]]></text></questiontext>"
        '<answer fraction="100"><text>true</text></answer></question></quiz>'
    )

    assert [note.message for note in bank.skipped] == ["the HTML is nested too deeply to convert"]


def test_html_nested_too_deeply_skips_the_question_in_gift() -> None:
    bank = parse_gift(f"[html]{DEEP_HTML}{{T}}\n\nStill fine?{{T}}")

    assert [note.line for note in bank.skipped] == [1]
    assert len(bank.questions) == 1


def test_deeply_nested_xml_is_read_without_recursion() -> None:
    bank = parse_moodle_xml("<quiz>" + "<a>" * 100_000 + "</a>" * 100_000 + "</quiz>")

    assert not bank.questions
