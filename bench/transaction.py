"""Transaction benchmark: the CPU one unit of work's transaction costs around its statements.

Usage: python -m bench.transaction DATABASE_URL [--cycles 3000] [--rounds 4]
A PostgreSQL or MySQL/MariaDB URL; nothing is written. Each cycle begins a transaction,
runs ``SELECT 1`` on the driver (as the answer path's runners do) and commits, three ways,
taking turns round by round so that the machine's moves fall on all three alike:

- **session**: an ``AsyncSession`` on the engine, its connection asked for as the unit of
  work asked before ``infrastructure/db/transaction.py`` (``connect_patiently``, then
  ``held_driver``), ``commit``;
- **transaction**: the unit of work's ``Transaction`` (``open``, ``driver``, ``commit``,
  ``close``): a connection checked out of the same pool, with its checks;
- **driver alone**: one connection of the driver, no pool: the floor.

Reported: CPU (``time.process_time``) per cycle, the median round, and each way against
the session.
"""

import argparse
import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from typing import Any

from rich.console import Console
from rich.table import Table
from sqlalchemy.engine import make_url

from infrastructure.db.engine import create_engine, create_session_factory
from infrastructure.db.held import held_driver
from infrastructure.db.outage import connect_patiently
from infrastructure.db.transaction import Transaction
from infrastructure.settings import Settings

console = Console()
Cycle = Callable[[], Awaitable[None]]


async def select_one(driver: Any) -> None:
    if hasattr(driver, "fetchval"):
        await driver.fetchval("SELECT 1")
        return
    async with driver.cursor() as cursor:
        await cursor.execute("SELECT 1")
        await cursor.fetchall()


async def measure(url: str, cycles: int, rounds: int) -> dict[str, list[float]]:
    engine = create_engine(Settings(database_url=url))
    sessions = create_session_factory(engine)
    bare = await _driver_connection(url)
    postgresql = engine.dialect.name == "postgresql"

    async def session() -> None:
        made = sessions()
        await connect_patiently(made)
        _, driver = await held_driver(made)
        await select_one(driver)
        await made.commit()

    async def transaction() -> None:
        held = Transaction(sessions)
        await held.open()
        await select_one(await held.driver())
        await held.commit()
        await held.close()

    async def driver_alone() -> None:
        if postgresql:
            async with bare.transaction():
                await select_one(bare)
            return
        await select_one(bare)
        await bare.commit()

    ways: dict[str, Cycle] = {
        "session": session,
        "transaction": transaction,
        "driver alone": driver_alone,
    }
    seconds: dict[str, list[float]] = {name: [] for name in ways}
    try:
        for cycle in ways.values():
            for _ in range(min(cycles, 200)):
                await cycle()
        for _ in range(rounds):
            for name, cycle in ways.items():
                seconds[name].append(await _cpu_per_cycle(cycle, cycles))
    finally:
        await _close(bare)
        await engine.dispose()
    return seconds


async def _cpu_per_cycle(cycle: Cycle, cycles: int) -> float:
    started = time.process_time()
    for _ in range(cycles):
        await cycle()
    return (time.process_time() - started) / cycles


async def _driver_connection(url: str) -> Any:
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        import asyncpg

        return await asyncpg.connect(
            host=parsed.host,
            port=parsed.port or 5432,
            user=parsed.username,
            password=parsed.password,
            database=parsed.database,
        )
    import aiomysql

    return await aiomysql.connect(
        host=parsed.host or "127.0.0.1",
        port=parsed.port or 3306,
        user=parsed.username or "root",
        password=parsed.password or "",
        db=parsed.database,
    )


async def _close(connection: Any) -> None:
    closing = connection.close()
    if asyncio.iscoroutine(closing):
        await closing


def report(url: str, seconds: dict[str, list[float]]) -> None:
    backend = make_url(url).get_backend_name()
    table = Table(title=f"One transaction around one statement, {backend}: CPU per cycle")
    for column in ("", "µs, median round", "rounds (µs)", "x session"):
        table.add_column(column)
    session = statistics.median(seconds["session"])
    for name, values in seconds.items():
        median = statistics.median(values)
        rounds = ", ".join(f"{value * 1e6:.0f}" for value in values)
        table.add_row(name, f"{median * 1e6:.0f}", rounds, f"{median / session:.2f}x")
    console.print(table)


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url", help="a PostgreSQL or MySQL/MariaDB database URL")
    parser.add_argument("--cycles", type=int, default=3000, help="per way and round")
    parser.add_argument("--rounds", type=int, default=4)
    arguments = parser.parse_args()
    report(arguments.url, await measure(arguments.url, arguments.cycles, arguments.rounds))


if __name__ == "__main__":
    asyncio.run(main())
