"""The question-bank formats: ``content import`` reads them, ``content export --format`` writes."""

from collections.abc import Callable
from pathlib import Path

from domain.content import CoursePack
from infrastructure.content.limits import read_text
from infrastructure.importers.aiken import parse_aiken
from infrastructure.importers.aiken_writer import write_aiken
from infrastructure.importers.csv_bank import parse_csv
from infrastructure.importers.csv_writer import write_csv
from infrastructure.importers.format_names import BankFormat
from infrastructure.importers.gift import parse_gift
from infrastructure.importers.gift_writer import write_gift
from infrastructure.importers.moodle_xml import parse_moodle_xml
from infrastructure.importers.moodle_xml_writer import write_moodle_xml
from infrastructure.importers.questions import Bank, BankError
from infrastructure.importers.written import Written

PARSERS: dict[BankFormat, Callable[[str], Bank]] = {
    BankFormat.GIFT: parse_gift,
    BankFormat.MOODLE_XML: parse_moodle_xml,
    BankFormat.AIKEN: parse_aiken,
    BankFormat.CSV: parse_csv,
}

WRITERS: dict[BankFormat, Callable[[CoursePack], Written]] = {
    BankFormat.GIFT: write_gift,
    BankFormat.MOODLE_XML: write_moodle_xml,
    BankFormat.AIKEN: write_aiken,
    BankFormat.CSV: write_csv,
}


def read_bank(format_: BankFormat, path: Path) -> Bank:
    """The same size and encoding limits as a pack's files; raises BankError."""
    try:
        text = read_text(path)
    except (OSError, ValueError) as error:
        raise BankError(str(error)) from None
    return PARSERS[format_](text)
