from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.enums import InboxStatus
from domain.inbox import InboxMessage
from infrastructure.db.models import InboxRow, table
from infrastructure.db.upsert import affected

_MESSAGES = sa.select(InboxRow).order_by(InboxRow.created_at, InboxRow.id)


class SqlInbox:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, message: InboxMessage) -> None:
        values = {
            "id": message.id,
            "user_id": message.user_id,
            "chat_id": message.chat_id,
            "lesson_id": message.lesson_id,
            "challenge_id": message.challenge_id,
            "kind": message.kind,
            "text": message.text,
            "created_at": message.created_at,
        }
        await self._session.execute(sa.insert(table(InboxRow)).values(values | _state(message)))

    async def get(self, message_id: UUID) -> InboxMessage | None:
        found = await self._messages(_MESSAGES.where(InboxRow.id == message_id, InboxRow.is_active))
        return found[0] if found else None

    async def listed(self, status: InboxStatus | None, limit: int) -> list[InboxMessage]:
        statement = _MESSAGES.where(InboxRow.is_active).limit(limit)
        if status is not None:
            statement = statement.where(InboxRow.status == status)
        return await self._messages(statement)

    async def of_learner(self, user_id: int) -> list[InboxMessage]:
        return await self._messages(_MESSAGES.where(InboxRow.user_id == user_id))

    async def save(self, message: InboxMessage) -> None:
        statement = sa.update(table(InboxRow)).where(InboxRow.id == message.id)
        await self._session.execute(statement.values(_state(message)))

    async def clear(self, user_id: int) -> int:
        statement = (
            sa.update(table(InboxRow))
            .where(InboxRow.user_id == user_id, InboxRow.is_active)
            .values(is_active=False)
        )
        return affected(await self._session.execute(statement))

    async def counts(self) -> dict[InboxStatus, int]:
        statement = (
            sa.select(InboxRow.status, sa.func.count())
            .where(InboxRow.is_active)
            .group_by(InboxRow.status)
        )
        rows = await self._session.execute(statement)
        return {status: int(count) for status, count in rows}

    async def _messages(self, statement: sa.Select[InboxRow]) -> list[InboxMessage]:
        rows = await self._session.scalars(statement.execution_options(populate_existing=True))
        return [to_message(row) for row in rows]


def _state(message: InboxMessage) -> dict[str, object]:
    return {
        "status": message.status,
        "reply": message.reply,
        "replied_at": message.replied_at,
        "is_active": message.is_active,
    }


def to_message(row: InboxRow) -> InboxMessage:
    return InboxMessage(
        id=row.id,
        user_id=row.user_id,
        chat_id=row.chat_id,
        kind=row.kind,
        text=row.text,
        status=row.status,
        created_at=row.created_at,
        lesson_id=row.lesson_id,
        challenge_id=row.challenge_id,
        reply=row.reply,
        replied_at=row.replied_at,
        is_active=row.is_active,
    )
