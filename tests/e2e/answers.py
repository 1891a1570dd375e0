"""The answer key, read from the database the bot uses: a player who knows the answers.

Choice buttons carry the challenge id and the option index in their payload; a text
challenge is the one the bot noted as pending for the learner.
"""

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from bot.callbacks import PickCb, SubmitCb, ToggleCb


class AnswerKey:
    def __init__(self, database_url: str) -> None:
        self._engine = create_async_engine(database_url, poolclass=NullPool)

    async def close(self) -> None:
        await self._engine.dispose()

    async def scalar(self, sql: str, **params: Any) -> Any:
        async with self._engine.connect() as connection:
            return (await connection.execute(sa.text(sql), params)).scalar()

    async def correct(self, challenge_id: int) -> list[Any]:
        raw = await self.scalar("SELECT answers FROM challenges WHERE id = :id", id=challenge_id)
        return list(json.loads(raw))

    async def pending(self, telegram_id: int) -> int | None:
        sql = "SELECT pending_challenge_id FROM users WHERE telegram_id = :tg"
        value = await self.scalar(sql, tg=telegram_id)
        return None if value is None else int(value)

    async def attempts(self, telegram_id: int) -> set[tuple[int, int]]:
        """(challenge id, attempt) of every answer recorded for the learner."""
        sql = (
            "SELECT a.challenge_id, a.attempt FROM challenge_answers a "
            "JOIN users u ON u.id = a.user_id WHERE u.telegram_id = :tg"
        )
        async with self._engine.connect() as connection:
            rows = await connection.execute(sa.text(sql), {"tg": telegram_id})
            return {(int(challenge), int(attempt)) for challenge, attempt in rows}

    async def count(self, table: str, telegram_id: int, where: str = "1 = 1") -> int:
        sql = (
            f"SELECT count(*) FROM {table} t JOIN users u ON u.id = t.user_id "
            f"WHERE u.telegram_id = :tg AND {where}"
        )
        return int(await self.scalar(sql, tg=telegram_id))


def choice_of(data: str) -> tuple[int, int] | None:
    """(challenge id, option index) of a single-choice button, else None."""
    if not data.startswith(PickCb.__prefix__ + ":"):
        return None
    pick = PickCb.unpack(data)
    return pick.challenge_id, pick.option


def toggle_of(data: str) -> ToggleCb | None:
    return ToggleCb.unpack(data) if data.startswith(ToggleCb.__prefix__ + ":") else None


def submit_of(data: str) -> SubmitCb | None:
    return SubmitCb.unpack(data) if data.startswith(SubmitCb.__prefix__ + ":") else None
