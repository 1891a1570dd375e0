"""The reference: the writes of one answer, hand-written on the bare driver.

Per answer, in one transaction: insert the answer row (conflict-tolerant, as the adapter
does), add one to the lesson's attempts, and insert the activity rows (attempted, and
solved for a right answer) in one multi-row INSERT. No reads: what a hand-tuned adapter
could reach on a pool of the same size. Three statements and COMMIT, plus BEGIN on
asyncpg (aiomysql begins implicitly).
"""

import json
from datetime import UTC, datetime
from typing import Any, Protocol

import aiomysql
import asyncpg
from sqlalchemy.engine import make_url

from bench.support.plans import Step
from domain.enums import ActivityType
from infrastructure.db.engine import MYSQL_INIT

RAW_STATEMENTS = 3
RAW_ROUND_TRIPS = {"postgresql": 5, "mariadb": 4}
SUBMISSION = json.dumps({"selected": [0]})
COLUMNS = {
    "answer": "challenge_answers (user_id, challenge_id, take, attempt, is_correct, answer,"
    " answered_at)",
    "activity": "activity_log (user_id, activity_type, created_at, entity_type, entity_id,"
    " details)",
}
PROGRESS = "UPDATE user_progress SET attempts = attempts + 1, updated_at = {now}"
PROGRESS_WHERE = " WHERE user_id = {user} AND lesson_id = {lesson}"


class RawAnswers(Protocol):
    async def answer(self, user_id: int, step: Step, attempt: int) -> None: ...

    async def close(self) -> None: ...


def answer_row(user_id: int, step: Step, attempt: int, now: datetime) -> tuple[Any, ...]:
    return (user_id, step.challenge.id, 1, attempt, step.right, SUBMISSION, now)


def activity_rows(user_id: int, step: Step, attempt: int, now: datetime) -> list[Any]:
    """The activity rows flattened: attempted, and solved after a right answer."""
    kinds = [ActivityType.CHALLENGE_ATTEMPTED]
    if step.right:
        kinds.append(ActivityType.CHALLENGE_SOLVED)
    details = json.dumps({"attempt": attempt, "take": 1, "correct": step.right})
    rows = [(user_id, kind.value, now, "challenge", step.challenge.id, details) for kind in kinds]
    return [value for row in rows for value in row]


def _dollars(first: int, count: int) -> str:
    return "(" + ", ".join(f"${n}" for n in range(first, first + count)) + ")"


class PostgresAnswers:
    def __init__(self, pool: Any) -> None:
        self._pool = pool

    async def answer(self, user_id: int, step: Step, attempt: int) -> None:
        now = datetime.now(UTC)
        activity = activity_rows(user_id, step, attempt, now)
        values = ", ".join(_dollars(1 + 6 * row, 6) for row in range(len(activity) // 6))
        progress = PROGRESS + PROGRESS_WHERE
        async with self._pool.acquire() as connection, connection.transaction():
            await connection.execute(
                f"INSERT INTO {COLUMNS['answer']} VALUES {_dollars(1, 7)} ON CONFLICT DO NOTHING",
                *answer_row(user_id, step, attempt, now),
            )
            await connection.execute(
                progress.format(now="$1", user="$2", lesson="$3"),
                now,
                user_id,
                step.challenge.lesson_id,
            )
            await connection.execute(
                f"INSERT INTO {COLUMNS['activity']} VALUES {values}", *activity
            )

    async def close(self) -> None:
        await self._pool.close()


class MysqlAnswers:
    def __init__(self, pool: Any) -> None:
        self._pool = pool

    async def answer(self, user_id: int, step: Step, attempt: int) -> None:
        now = datetime.now(UTC).replace(tzinfo=None)
        activity = activity_rows(user_id, step, attempt, now)
        values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * (len(activity) // 6))
        progress = (PROGRESS + PROGRESS_WHERE).format(now="%s", user="%s", lesson="%s")
        async with self._pool.acquire() as connection, connection.cursor() as cursor:
            await cursor.execute(
                f"INSERT INTO {COLUMNS['answer']} VALUES ({', '.join(['%s'] * 7)})"
                " ON DUPLICATE KEY UPDATE id = id",
                answer_row(user_id, step, attempt, now),
            )
            await cursor.execute(progress, (now, user_id, step.challenge.lesson_id))
            await cursor.execute(f"INSERT INTO {COLUMNS['activity']} VALUES {values}", activity)
            await connection.commit()

    async def close(self) -> None:
        self._pool.close()
        await self._pool.wait_closed()


async def raw_answers(database_url: str, connections: int) -> RawAnswers:
    """A pool of ``connections`` on the bare driver behind ``database_url``."""
    url = make_url(database_url)
    login: dict[str, Any] = {"host": url.host, "port": url.port, "user": url.username}
    if url.get_backend_name() == "postgresql":
        sizes = {"min_size": connections, "max_size": connections}
        pool = await asyncpg.create_pool(
            **login, password=url.password, database=url.database, **sizes
        )
        return PostgresAnswers(pool)
    pool = await aiomysql.create_pool(
        **login,
        password=url.password or "",
        db=url.database,
        minsize=connections,
        maxsize=connections,
        autocommit=False,
        charset="utf8mb4",
        init_command=MYSQL_INIT,
    )
    return MysqlAnswers(pool)
