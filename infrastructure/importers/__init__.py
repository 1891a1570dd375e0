"""Question banks from other tools (GIFT, Moodle XML, Aiken, CSV) read as course packs."""

from infrastructure.importers.formats import BankFormat, read_bank
from infrastructure.importers.pack import bank_to_pack
from infrastructure.importers.questions import Bank, BankError, Note, Question

__all__ = ["Bank", "BankError", "BankFormat", "Note", "Question", "bank_to_pack", "read_bank"]
