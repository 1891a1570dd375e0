"""Review benchmark: fill review cards set-based in SQL, then time the due-card read.

Usage: python -m bench.review DATABASE_URL [--learners 20000] [--cards 50]
The database is created from scratch (it must be empty or disposable). Never run in tests
at full size. Cards are spread over 60 days around now, so about a sixth of each
learner's cards are due; one more learner holds ``--heavy`` cards, all of them due.
"""

import argparse
import asyncio
import statistics
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from rich.console import Console
from rich.progress import track
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.leaderboard import analyze, percentile, report, series, timed, users_sql
from infrastructure.db.engine import create_engine, create_session_factory
from infrastructure.db.models import ReviewCardRow, UserRow
from infrastructure.db.repositories.catalogue_cache import CatalogueCache
from infrastructure.db.repositories.review import due_statement
from infrastructure.db.uow import SqlUnitOfWork
from infrastructure.settings import Settings
from tests.support.databases import migrate

CHUNK = 2_000
READS = 200
NOW = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
console = Console()


async def generate(engine: AsyncEngine, learners: int, cards: int, heavy: int) -> None:
    """A module, one lesson and ``max(cards, heavy)`` single-choice challenges; learners in
    chunks, each with a card for each of the first ``cards`` challenges."""
    dialect = engine.dialect.name
    now = "'2026-03-04 12:00:00'"
    quote = "`" if dialect in {"mysql", "mariadb"} else '"'
    async with engine.begin() as connection:
        await connection.execute(
            sa.text(
                f"INSERT INTO modules (slug, title, {quote}order{quote}, is_published,"
                f" created_at, updated_at) VALUES ('bench', 'Bench', 1, true, {now}, {now})"
            )
        )
        await connection.execute(
            sa.text(
                f"INSERT INTO lessons (module_id, slug, title, {quote}order{quote},"
                " is_published, created_at, updated_at)"
                f" SELECT max(id), 'l', 'L', 1, true, {now}, {now} FROM modules"
            )
        )
        await connection.execute(sa.text(_challenges_sql(dialect, max(cards, heavy), now, quote)))
    for low in track(range(1, learners + 2, CHUNK), description="Generating cards"):
        high = min(low + CHUNK - 1, learners + 1)
        async with engine.begin() as connection:
            await connection.execute(sa.text(users_sql(series(dialect, low, high), now)))
            await connection.execute(sa.text(_cards_sql(dialect, low, high, cards, learners)))
    async with engine.begin() as connection:
        await connection.execute(sa.text(_heavy_sql(dialect, learners + 1, cards, heavy)))


def _challenges_sql(dialect: str, count: int, now: str, quote: str) -> str:
    return (
        f"INSERT INTO challenges (lesson_id, slug, {quote}order{quote}, kind, prompt, options,"
        " answers, points, created_at, updated_at)"
        f" SELECT (SELECT max(id) FROM lessons), CONCAT('c', n), n, 'single_choice', 'Q?',"
        f" '[\"a\", \"b\"]', '[0]', 10, {now}, {now} FROM {series(dialect, 1, count)}"
    )


def _due(dialect: str, expression: str) -> str:
    """Now, moved by ``expression`` hours (negative: overdue)."""
    if dialect == "postgresql":
        return f"TIMESTAMPTZ '2026-03-04 12:00:00+00' + ({expression}) * INTERVAL '1 hour'"
    return f"DATE_ADD('2026-03-04 12:00:00', INTERVAL ({expression}) HOUR)"


def _cards_sql(dialect: str, low: int, high: int, cards: int, learners: int) -> str:
    """Each learner's first ``cards`` challenges, due from 10 days ago to 50 days ahead."""
    due = _due(dialect, "(u.id * 37 + c.id * 101) % 1440 - 240")
    return (
        "INSERT INTO review_cards (user_id, challenge_id, due, state, step, stability,"
        " difficulty, last_review, reps, lapses)"
        f" SELECT u.id, c.id, {due}, 2, NULL, 12.5, 5.0, NULL, 3, 0"
        f" FROM users u JOIN challenges c ON c.{_order(dialect)} <= {cards}"
        f" WHERE u.telegram_id BETWEEN {low} AND {min(high, learners)}"
    )


def _heavy_sql(dialect: str, telegram_id: int, cards: int, heavy: int) -> str:
    due = _due(dialect, "-(c.id % 240) - 1")
    return (
        "INSERT INTO review_cards (user_id, challenge_id, due, state, step, stability,"
        " difficulty, last_review, reps, lapses)"
        f" SELECT u.id, c.id, {due}, 2, NULL, 12.5, 5.0, NULL, 3, 0"
        f" FROM users u JOIN challenges c ON c.{_order(dialect)} <= {heavy}"
        f" WHERE u.telegram_id = {telegram_id}"
    )


def _order(dialect: str) -> str:
    return "`order`" if dialect in {"mysql", "mariadb"} else '"order"'


async def read_latency(engine: AsyncEngine, user_ids: list[int], label: str) -> tuple[str, str]:
    """The due read in an open unit of work, as /review and the menu pay it."""
    session_factory = create_session_factory(engine)
    samples, due = [], 0
    async with SqlUnitOfWork(session_factory, CatalogueCache()) as uow:
        for number in range(READS):
            user_id = user_ids[number % len(user_ids)]
            started = asyncio.get_running_loop().time()
            found = await uow.reviews.due(user_id, NOW)
            samples.append((asyncio.get_running_loop().time() - started) * 1000)
            due += found.count
    median, p95 = statistics.median(samples), percentile(samples, 95)
    what = f"{label}, median / p95 of {READS} (due cards found on average: {due / READS:.1f})"
    return what, f"{median:.2f} / {p95:.2f} ms"


async def explain(engine: AsyncEngine, user_id: int) -> None:
    """The plan of the due read, compiled from the repository's own statement."""
    statement = due_statement().params(user_id=user_id, now=NOW)
    sql = statement.compile(engine, compile_kwargs={"literal_binds": True})
    async with engine.connect() as connection:
        plan = await connection.execute(sa.text(f"EXPLAIN {sql}"))
        console.print(f"[bold]{sql}[/bold]\n" + "\n".join(str(row) for row in plan))


async def learners_sample(engine: AsyncEngine, learners: int) -> tuple[list[int], int]:
    async with engine.connect() as connection:
        ids = (await connection.scalars(sa.select(UserRow.id).order_by(UserRow.id))).all()
        cards = await connection.scalar(sa.select(sa.func.count()).select_from(ReviewCardRow))
    console.print(f"{cards} cards of {len(ids)} learners")
    step = max(1, learners // READS)
    return list(ids[:learners:step]), ids[-1]


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--learners", type=int, default=20_000)
    parser.add_argument("--cards", type=int, default=50, help="cards per learner")
    parser.add_argument("--heavy", type=int, default=2_000, help="cards of one more learner")
    parser.add_argument("--skip-generate", action="store_true")
    args = parser.parse_args()
    engine = create_engine(Settings(database_url=args.url))
    rows: list[Any] = []
    if not args.skip_generate:
        await migrate(engine)
        await timed(
            "generate", lambda: generate(engine, args.learners, args.cards, args.heavy), rows
        )
    await analyze(engine)
    sample, heavy = await learners_sample(engine, args.learners)
    rows.append(await read_latency(engine, sample, f"due read, {args.cards} cards a learner"))
    rows.append(await read_latency(engine, [heavy], f"due read, {args.heavy} cards all due"))
    await explain(engine, sample[len(sample) // 2])
    await report(engine, rows)


if __name__ == "__main__":
    asyncio.run(main())
