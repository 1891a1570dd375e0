"""The quiz polls sent, by Telegram's poll id: one insert per poll, one read per vote."""

import json

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from domain.polls import SentPoll
from infrastructure.db.models import QuizPollRow, table


class SqlPollStore:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, poll: SentPoll) -> None:
        values = {
            "poll_id": poll.poll_id,
            "user_id": poll.user_id,
            "chat_id": poll.chat_id,
            "challenge_id": poll.challenge_id,
            "take": poll.take,
            "attempt": poll.attempt,
            "option_order": json.dumps(list(poll.order)),
            "sent_at": poll.sent_at,
            "closes_at": poll.closes_at,
        }
        await self._session.execute(sa.insert(table(QuizPollRow)).values(values))

    async def get(self, poll_id: str) -> SentPoll | None:
        row = await self._session.get(QuizPollRow, poll_id)
        if row is None:
            return None
        return SentPoll(
            row.poll_id,
            row.user_id,
            row.chat_id,
            row.challenge_id,
            row.take,
            row.attempt,
            tuple(json.loads(row.option_order)),
            row.sent_at,
            row.closes_at,
        )
