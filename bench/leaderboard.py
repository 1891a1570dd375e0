"""Leaderboard benchmark: generate learners set-based in SQL, then time the refresh.

Usage: python -m bench.leaderboard DATABASE_URL [--learners 1000000] [--changed 1]
The database is created from scratch (it must be empty or disposable). Never run in tests.
With --skip-generate it reuses generated learners and only migrates to the latest schema.
"""

import argparse
import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from rich.console import Console
from rich.progress import track
from rich.table import Table
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from domain.enums import ProgressStatus
from domain.leaderboard import BoardKind, week_start
from domain.leagues import DEFAULT_RULES, league_week
from domain.services import LeaderboardService, LeagueService
from infrastructure.clock import SystemClock
from infrastructure.db.engine import create_engine, create_session_factory
from infrastructure.db.models import (
    LeaderboardRow,
    LeagueLadderRow,
    LeagueMemberRow,
    LeagueWeekRow,
    LessonRow,
    ProgressRow,
    UserRow,
    table,
)
from infrastructure.db.repositories.catalogue_cache import CatalogueCache
from infrastructure.db.repositories.leaderboard import (
    board_statement,
)
from infrastructure.db.repositories.ranking import RANKED, ranking
from infrastructure.db.repositories.totals import TotalsRecount, mark_changed
from infrastructure.db.uow import SqlUnitOfWork
from infrastructure.settings import Settings
from tests.support.databases import migrate

CHUNK = 100_000
LESSONS = 20
console = Console()


def series(dialect: str, low: int, high: int) -> str:
    """A set of integers low..high: generate_series, MariaDB's sequence engine, or a CTE."""
    if dialect == "postgresql":
        return f"(SELECT generate_series({low}, {high}) AS n) AS s"
    if dialect in {"mysql", "mariadb"}:
        return f"(SELECT seq AS n FROM seq_{low}_to_{high}) AS s"
    return (
        f"(WITH RECURSIVE r(n) AS (SELECT {low} UNION ALL SELECT n + 1 FROM r WHERE n < {high})"
        " SELECT n FROM r) AS s"
    )


async def generate(engine: AsyncEngine, learners: int) -> None:
    """Learners in chunks of 100k, each with 1 to 20 completed lessons (10.5 on average)."""
    dialect = engine.dialect.name
    now = "'2026-03-04 12:00:00'"
    async with engine.begin() as connection:
        await connection.execute(
            sa.text(
                'INSERT INTO modules (slug, title, "order", is_published, created_at, updated_at)'
                f" VALUES ('bench', 'Bench', 1, true, {now}, {now})".replace(
                    '"order"', "`order`" if dialect in {"mysql", "mariadb"} else '"order"'
                )
            )
        )
        module = await connection.scalar(sa.text("SELECT max(id) FROM modules"))
        for n in range(1, LESSONS + 1):
            await connection.execute(
                sa.insert(table_of("lessons", connection)).values(
                    module_id=module,
                    slug=f"l{n}",
                    title=f"L{n}",
                    order=n,
                    is_published=True,
                    created_at=datetime.now(UTC),
                    updated_at=datetime.now(UTC),
                )
            )
    for low in track(range(1, learners + 1, CHUNK), description="Generating learners"):
        high = min(low + CHUNK - 1, learners)
        async with engine.begin() as connection:
            await connection.execute(sa.text(users_sql(series(dialect, low, high), now)))
            await connection.execute(sa.text(progress_sql(dialect, low, high, now)))


def table_of(name: str, _connection: AsyncConnection) -> sa.Table:
    from infrastructure.db.models import Base

    return Base.metadata.tables[name]


def users_sql(numbers: str, now: str) -> str:
    return (
        "INSERT INTO users (telegram_id, username, is_active, hide_from_board, first_contact_at,"
        " last_contact_at, created_at, updated_at)"
        f" SELECT n, CONCAT('u', n), n % 50 <> 0, n % 97 = 0, {now}, {now}, {now}, {now}"
        f" FROM {numbers}"
    )


def progress_sql(dialect: str, low: int, high: int, now: str) -> str:
    completed = (
        f"TIMESTAMP {now} - (u.id % 14) * INTERVAL '1 day'"
        if dialect == "postgresql"
        else f"DATE_SUB({now}, INTERVAL (u.id % 14) DAY)"
    )
    return (
        "INSERT INTO user_progress (user_id, lesson_id, status, score, attempts, take,"
        " completed_at, created_at, updated_at)"
        f" SELECT u.id, l.id, 'COMPLETED', (u.id * 7 + l.id * 13) % 50, 1, 1, {completed},"
        f' {now}, {now} FROM users u JOIN lessons l ON l."order" <= 1 + u.id % {LESSONS}'
        f" WHERE u.telegram_id BETWEEN {low} AND {high}"
    ).replace('l."order"', "l.`order`" if dialect in {"mysql", "mariadb"} else 'l."order"')


async def timed(label: str, action: Callable[[], Awaitable[Any]], rows: list[Any]) -> float:
    started = time.perf_counter()
    await action()
    seconds = time.perf_counter() - started
    rows.append((label, f"{seconds:.2f} s"))
    console.print(f"{label}: {seconds:.2f} s")
    return seconds


async def service_refresh(engine: AsyncEngine) -> None:
    session_factory = create_session_factory(engine)
    async with SqlUnitOfWork(session_factory, CatalogueCache()) as uow:
        result = await LeaderboardService(uow, SystemClock()).refresh()
        assert result.ranked is not None


async def change_learners(engine: AsyncEngine, percent: float) -> None:
    """Every (100/percent)-th learner betters a lesson, through the adapters' totals mark."""
    step = max(1, round(100 / percent))
    changed = sa.select(UserRow.id).where(UserRow.id % step == 0)
    first_lesson = sa.select(sa.func.min(LessonRow.id)).scalar_subquery()
    session_factory = create_session_factory(engine)
    async with session_factory() as session:
        await session.execute(
            sa.update(table(ProgressRow))
            .where(ProgressRow.lesson_id == first_lesson, ProgressRow.user_id.in_(changed))
            .values(score=ProgressRow.score + 1)
        )
        await mark_changed(session, changed)
        await session.commit()


async def rebuild_totals(engine: AsyncEngine) -> None:
    """Recount every learner's totals from all their rows (migration, republish, repair)."""
    session_factory = create_session_factory(engine)
    async with session_factory() as session:
        await TotalsRecount(session).rebuild(week_start(datetime.now(UTC), "UTC"))
        await session.commit()


async def bare_refresh(engine: AsyncEngine) -> None:
    """The plain rewrite typed out: DELETE everything, INSERT ... SELECT with the ranks
    (the same ranking, staged the same way, from the same up-to-date totals)."""
    now = datetime.now(UTC)
    cache = table(LeaderboardRow)
    async with create_session_factory(engine)() as session:
        await session.execute(sa.delete(cache))
        async with ranking(session, week_start(now, "UTC")) as ranked:
            select = ranked.add_columns(sa.literal(now, cache.c.updated_at.type))
            await session.execute(
                sa.insert(cache).from_select(["user_id", *RANKED, "updated_at"], select)
            )
        await session.commit()


async def naive_loop(engine: AsyncEngine, sample: int) -> None:
    """Per learner: read their totals, then write their entry (ranks left aside)."""
    session_factory = create_session_factory(engine)
    async with session_factory() as session:
        ids = (await session.scalars(sa.select(UserRow.id).limit(sample))).all()
        for user_id in ids:
            score = await session.scalar(
                sa.select(sa.func.coalesce(sa.func.sum(ProgressRow.score), 0)).where(
                    ProgressRow.user_id == user_id, ProgressRow.status == ProgressStatus.COMPLETED
                )
            )
            above = await session.scalar(
                sa.select(sa.func.count()).where(LeaderboardRow.total_score > score)
            )
            await session.execute(
                sa.update(LeaderboardRow)
                .where(LeaderboardRow.user_id == user_id)
                .values(total_score=score, rank=above + 1)
            )
        await session.rollback()


async def read_latency(engine: AsyncEngine, user_id: int, rows: list[Any]) -> None:
    """The board's read in an open unit of work, as a /top handler pays it (the learner's
    own row was read first there, so the connection is checked out and pinged), and the
    whole unit of work around it: checkout, ping, the read and the rollback."""
    session_factory = create_session_factory(engine)
    for kind in BoardKind:
        reads, units = [], []
        for _ in range(READS):
            entered = time.perf_counter()
            async with SqlUnitOfWork(session_factory, CatalogueCache()) as uow:
                started = time.perf_counter()
                await LeaderboardService(uow, SystemClock()).board(user_id, kind)
                reads.append((time.perf_counter() - started) * 1000)
            units.append((time.perf_counter() - entered) * 1000)
        for what, samples in (("read", reads), ("whole unit of work", units)):
            rows.append(
                (
                    f"/top + my rank ({kind}), {what}, median / p95 of {READS}",
                    f"{statistics.median(samples):.2f} / {percentile(samples, 95):.2f} ms",
                )
            )


READS = 200
FIRST_MONDAY = datetime(2026, 3, 2, 0, 5, tzinfo=UTC)
"""Five minutes into the week the generated lessons end in (they end on 4 March)."""


class At:
    """A clock stopped at one moment: the rollover closes the weeks before it."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


async def rollover(engine: AsyncEngine, clock: At) -> int:
    async with SqlUnitOfWork(create_session_factory(engine), CatalogueCache()) as uow:
        result = await LeagueService(uow, clock, "UTC", DEFAULT_RULES).rollover()
        assert result.closed is not None
        return result.placed


async def leagues(engine: AsyncEngine, rows: list[Any]) -> None:
    """The weekly rollover at scale. The first run forms the leagues of the week of
    2 March from the learners who completed lessons in the week before (about half of
    them); the next, a week later, ranks those leagues by the points of that week, moves
    every member, and forms the next week's leagues; the third finds nothing to close.
    Then the League view's read for a member, as /top's League button pays it."""
    async with engine.begin() as connection:
        for model in (LeagueWeekRow, LeagueMemberRow, LeagueLadderRow):
            await connection.execute(sa.delete(table(model)))
    placed: list[int] = []

    async def run(moment: datetime) -> None:
        placed.append(await rollover(engine, At(moment)))

    await timed("leagues: first rollover (forms leagues)", lambda: run(FIRST_MONDAY), rows)
    next_monday = FIRST_MONDAY + timedelta(days=7)
    await timed("leagues: weekly rollover (close + form)", lambda: run(next_monday), rows)
    await timed("leagues: rollover, nothing to close", lambda: run(next_monday), rows)
    rows.append(("leagues: members of the week closed / placed next", f"{placed[0]} / {placed[1]}"))
    await league_reads(engine, next_monday, rows)


async def league_reads(engine: AsyncEngine, moment: datetime, rows: list[Any]) -> None:
    members = table(LeagueMemberRow)
    week = league_week(moment, "UTC")
    async with engine.connect() as connection:
        member = await connection.scalar(
            sa.select(sa.func.min(members.c.user_id)).where(members.c.week == week)
        )
    session_factory = create_session_factory(engine)
    samples = []
    for _ in range(READS):
        async with SqlUnitOfWork(session_factory, CatalogueCache()) as uow:
            await uow.learners.get(int(member or 0))
            started = time.perf_counter()
            view = await LeagueService(uow, At(moment), "UTC", DEFAULT_RULES).view(int(member or 0))
            samples.append((time.perf_counter() - started) * 1000)
    assert view is not None
    rows.append(
        (
            f"leagues: League view read, {view.members} members, median / p95 of {READS}",
            f"{statistics.median(samples):.2f} / {percentile(samples, 95):.2f} ms",
        )
    )


def percentile(samples: list[float], percent: int) -> float:
    return statistics.quantiles(samples, n=100)[percent - 1]


async def explain(engine: AsyncEngine, user_id: int) -> None:
    """The plan of the board's read, compiled from the repository's own statement."""
    async with create_session_factory(engine)() as session:
        for kind in BoardKind:
            statement = board_statement(kind, True, engine.dialect.name)
            statement = statement.params(viewer=user_id, top=10, around=2)
            sql = statement.compile(engine, compile_kwargs={"literal_binds": True})
            plan = await session.execute(sa.text(f"EXPLAIN {sql}"))
            console.print(f"[bold]{sql}[/bold]\n" + "\n".join(str(row) for row in plan))


async def analyze(engine: AsyncEngine) -> None:
    """Fresh planner statistics after bulk generation (autovacuum would get there later)."""
    if engine.dialect.name == "postgresql":
        async with engine.connect() as connection:
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(sa.text("ANALYZE"))


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--learners", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=2_000)
    parser.add_argument("--changed", type=float, default=1.0, help="percent of learners")
    parser.add_argument("--skip-generate", action="store_true")
    parser.add_argument("--reads-only", action="store_true", help="time the reads only")
    parser.add_argument("--leagues-only", action="store_true", help="time the leagues only")
    args = parser.parse_args()
    engine = create_engine(Settings(database_url=args.url))
    rows: list[Any] = []
    if args.reads_only:
        await reads(engine, await middle_entry(engine, args.learners), rows)
        await engine.dispose()
        return
    if not args.skip_generate:
        await migrate(engine, "0005")
        await timed("generate", lambda: generate(engine, args.learners), rows)
    await timed(
        "migrate to head (0006 marks every learner, 0007 indexes flags, 0008 content state)",
        lambda: migrate(engine),
        rows,
    )
    await analyze(engine)
    if args.leagues_only:
        await leagues(engine, rows)
        await report(engine, rows)
        return
    await timed(
        "refresh, first: totals rebuilt, every entry", lambda: service_refresh(engine), rows
    )
    await timed("refresh, nothing changed", lambda: service_refresh(engine), rows)
    await change_learners(engine, args.changed)
    await timed(
        f"refresh after {args.changed}% of learners changed", lambda: service_refresh(engine), rows
    )
    await timed("full rebuild of learner_totals", lambda: rebuild_totals(engine), rows)
    await timed("bare DELETE + INSERT ... SELECT", lambda: bare_refresh(engine), rows)
    await timed("refresh after the bare rewrite", lambda: service_refresh(engine), rows)
    naive = await timed(
        f"naive ORM loop, {args.sample} learners", lambda: naive_loop(engine, args.sample), rows
    )
    rows.append(("naive ORM loop, scaled to all", f"{naive * args.learners / args.sample:.0f} s"))
    await leagues(engine, rows)
    await reads(engine, await middle_entry(engine, args.learners), rows)


async def middle_entry(engine: AsyncEngine, learners: int) -> int:
    """A learner on the board near its middle (ids have gaps on MariaDB, some are inactive)."""
    cache = table(LeaderboardRow)
    query = sa.select(sa.func.min(cache.c.user_id)).where(cache.c.user_id >= learners // 2)
    async with engine.connect() as connection:
        return int(await connection.scalar(query) or 0)


async def reads(engine: AsyncEngine, reader: int, rows: list[Any]) -> None:
    await read_latency(engine, reader, rows)
    await explain(engine, reader)
    await report(engine, rows)


async def report(engine: AsyncEngine, rows: list[Any]) -> None:
    result = Table(title=f"{engine.dialect.name}")
    result.add_column("What")
    result.add_column("Time", justify="right")
    for row in rows:
        result.add_row(*row)
    console.print(result)
    await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
