"""The question-bank formats ``learnbot content import`` reads, by the name it is given."""

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from infrastructure.content.limits import read_text
from infrastructure.importers.aiken import parse_aiken
from infrastructure.importers.csv_bank import parse_csv
from infrastructure.importers.gift import parse_gift
from infrastructure.importers.moodle_xml import parse_moodle_xml
from infrastructure.importers.questions import Bank, BankError


class BankFormat(StrEnum):
    GIFT = "gift"
    MOODLE_XML = "moodle-xml"
    AIKEN = "aiken"
    CSV = "csv"


PARSERS: dict[BankFormat, Callable[[str], Bank]] = {
    BankFormat.GIFT: parse_gift,
    BankFormat.MOODLE_XML: parse_moodle_xml,
    BankFormat.AIKEN: parse_aiken,
    BankFormat.CSV: parse_csv,
}


def read_bank(format_: BankFormat, path: Path) -> Bank:
    """The same size and encoding limits as a pack's files; raises BankError."""
    try:
        text = read_text(path)
    except (OSError, ValueError) as error:
        raise BankError(str(error)) from None
    return PARSERS[format_](text)
