"""The bank formats by the names the CLI takes: kept apart from the parsers, so naming them
in ``learnbot content``'s options loads neither XML nor HTML libraries."""

from enum import StrEnum


class BankFormat(StrEnum):
    GIFT = "gift"
    MOODLE_XML = "moodle-xml"
    AIKEN = "aiken"
    CSV = "csv"
