"""The learner inbox: questions and problem reports about lessons, and the admins' replies."""

from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID

from domain.enums import InboxKind, InboxStatus
from domain.errors import InvalidMessage

MAX_TEXT_LENGTH = 2000
"""Long enough for a real question, short enough to fit one Telegram message with a header."""


@dataclass(frozen=True, slots=True)
class InboxMessage:
    id: UUID
    user_id: int
    chat_id: int
    kind: InboxKind
    text: str
    status: InboxStatus
    created_at: datetime
    lesson_id: int | None = None
    challenge_id: int | None = None
    reply: str | None = None
    replied_at: datetime | None = None
    is_active: bool = True

    def replied(self, text: str, now: datetime) -> "InboxMessage":
        return replace(self, reply=text, replied_at=now, status=InboxStatus.REPLIED)

    def resolved(self) -> "InboxMessage":
        return replace(self, status=InboxStatus.RESOLVED)

    def as_json(self) -> dict[str, object]:
        """The learner's own data, as ``inbox export`` writes it."""
        stamp = self.replied_at.isoformat() if self.replied_at else None
        return {
            "id": str(self.id),
            "kind": self.kind.value,
            "status": self.status.value,
            "lesson_id": self.lesson_id,
            "challenge_id": self.challenge_id,
            "text": self.text,
            "created_at": self.created_at.isoformat(),
            "reply": self.reply,
            "replied_at": stamp,
            "is_active": self.is_active,
        }


@dataclass(frozen=True, slots=True)
class Reply:
    """What the bot must send: the answer goes to the chat the question came from."""

    message: InboxMessage
    telegram_id: int
    text: str


def clean_text(text: str) -> str:
    """Trimmed text, or InvalidMessage when it is empty, oversized or unstorable."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidMessage("the message is empty")
    if len(cleaned) > MAX_TEXT_LENGTH:
        raise InvalidMessage(f"the message is longer than {MAX_TEXT_LENGTH} characters")
    if "\x00" in cleaned:
        raise InvalidMessage("the message contains a NUL character")
    return cleaned
