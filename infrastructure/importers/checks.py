"""What the pack's validator would refuse, found per question so the rest still imports."""

from domain.kinds import kind_of
from infrastructure.importers.questions import Question


def problem(question: Question) -> str | None:
    """The reason the pack cannot hold ``question`` as it is, or None."""
    if not question.prompt.strip():
        return "the question has no text"
    kind = kind_of(question.kind)
    if kind.typed:
        return None if any(str(a).strip() for a in question.answers) else "no accepted answer"
    options = question.options
    if len(options) < 2:
        return "a choice question needs at least two options"
    if any(not option.strip() for option in options):
        return "an option is empty"
    if len(set(options)) != len(options):
        return "two options have the same text"
    if len(kind.picks) == 1 and len(question.answers) not in kind.picks:
        return "a single choice needs exactly one correct option"
    return None if question.answers else "no option is correct"
