"""A question bank as the importers read it, before it becomes a pack.

Each format's parser returns a ``Bank``: the questions the pack can hold, in file order with
their category path, and a ``Note`` for everything it cannot, so nothing is lost silently.
"""

from dataclasses import dataclass, field

from domain.enums import ChallengeKind


@dataclass(frozen=True, slots=True)
class Question:
    """``answers`` holds option indexes for choice kinds and accepted texts for ``TEXT``.

    ``source_kind`` is the format's own name for the question type (``truefalse``, say):
    the summary counts by it, as the author knows their bank.
    """

    line: int
    source_kind: str
    kind: ChallengeKind
    prompt: str
    options: tuple[str, ...] = ()
    answers: tuple[int | str, ...] = ()
    title: str | None = None
    category: tuple[str, ...] = ()
    explanation: str | None = None
    points: int = 10


@dataclass(frozen=True, slots=True)
class Note:
    """Something the pack cannot express: the whole question (``skipped``) or a detail."""

    line: int
    source_kind: str
    message: str
    skipped: bool = False

    def describe(self, file_name: str) -> str:
        verdict = "skipped" if self.skipped else "imported"
        return f"{file_name}:{self.line}: {self.source_kind}: {self.message} ({verdict})"


@dataclass(slots=True)
class Bank:
    questions: list[Question] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def skip(self, line: int, source_kind: str, message: str) -> None:
        self.notes.append(Note(line, source_kind, message, skipped=True))

    def note(self, line: int, source_kind: str, message: str) -> None:
        self.notes.append(Note(line, source_kind, message))

    def reject(self, question: Question, message: str) -> None:
        """A parsed question the pack would refuse: it leaves the bank with a note."""
        self.questions.remove(question)
        self.skip(question.line, question.source_kind, message)

    @property
    def skipped(self) -> list[Note]:
        return [note for note in self.notes if note.skipped]


class BankError(ValueError):
    """The file cannot be read as a bank at all (too large, not UTF-8, broken XML)."""


MOODLE_ROOTS = ("$course$", "$module$", "$system$", "$cat1$", "$coursecategory$", "top")
"""Moodle prefixes a category path with its context and a ``top`` category; neither is
a module an author would recognise."""


def category_path(text: str) -> tuple[str, ...]:
    """``$course$/top/Geography/Capitals`` is ``("Geography", "Capitals")``; Moodle writes
    a ``/`` inside a name as ``//``."""
    names = [name.replace("\0", "/").strip() for name in text.replace("//", "\0").split("/")]
    while names and names[0].lower() in MOODLE_ROOTS:
        names.pop(0)
    return tuple(name for name in names if name)
