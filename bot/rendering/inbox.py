"""The learner's side of the inbox: how to write to the course team."""

from aiogram.utils.i18n import gettext as _

from domain.enums import InboxKind


def how_to_write(kind: InboxKind) -> str:
    """An empty /ask or /report: an example of the same command shows what to send."""
    if kind is InboxKind.PROBLEM:
        return _(
            "Describe the problem after the command, e.g. "
            "/report The link in the second lesson is broken"
        )
    return _("Write your question after the command, e.g. /ask Why is 0.1 + 0.2 not 0.3?")
