"""A database server of the test's own, which it may stop and start while a bot uses it.

The shared test servers must never be stopped (other runs use them), so a test that
restarts its database gets a private PostgreSQL or MariaDB in a temporary directory, on a
free port. ``start`` returns once a connection succeeds (polled, not slept on); ``stop``
is a fast shutdown that returns once the process has exited.
"""

import asyncio
import os
import shutil
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from tests.support.polling import poll
from tests.support.ports import free_port
from tests.support.server_kinds import KINDS, ServerKind

READY_TIMEOUT = 60.0


class PrivateServer:
    def __init__(self, kind: ServerKind, root: Path) -> None:
        self.kind = kind
        self.root = root
        self.port = free_port()
        self._process: asyncio.subprocess.Process | None = None

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    def url(self, database: str = "") -> str:
        """Where a client connects; the server's own database when none is named."""
        default = "postgres" if self.kind.backend == "postgresql" else "mysql"
        return self.kind.url(self.port, database or default)

    async def initialise(self) -> None:
        await self._run(self.kind.initialise(self.root))

    async def start(self) -> None:
        assert self._process is None, "the server is already running"
        with self.log.open("ab") as log:
            self._process = await asyncio.create_subprocess_exec(
                *self.kind.serve(self.root, self.port),
                stdout=log,
                stderr=log,
                user=self.kind.runs_as(),
            )
        await self._until_ready()

    async def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.returncode is None:
            process.send_signal(self.kind.stop_signal)
            await asyncio.wait_for(process.wait(), READY_TIMEOUT)

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    async def create_database(self, name: str) -> str:
        engine = create_async_engine(self.url(), poolclass=NullPool, isolation_level="AUTOCOMMIT")
        try:
            async with engine.connect() as connection:
                await connection.execute(sa.text(f"CREATE DATABASE {name}"))
        finally:
            await engine.dispose()
        return self.url(name)

    async def _until_ready(self) -> None:
        engine = create_async_engine(self.url(), poolclass=NullPool)
        try:
            await poll(lambda: self._answers(engine), timeout=READY_TIMEOUT)
        finally:
            await engine.dispose()

    async def _answers(self, engine: AsyncEngine) -> bool:
        assert self._process is not None
        if self._process.returncode is not None:
            raise RuntimeError(f"{self.kind.backend} exited:\n{self.log.read_text()[-3000:]}")
        try:
            async with engine.connect() as connection:
                await connection.execute(sa.text("SELECT 1"))
        except (OSError, sa.exc.DBAPIError):
            return False
        return True

    async def _run(self, command: list[str]) -> None:
        with self.log.open("ab") as log:
            process = await asyncio.create_subprocess_exec(
                *command, stdout=log, stderr=log, user=self.kind.runs_as()
            )
            code = await asyncio.wait_for(process.wait(), 180)
        assert code == 0, f"{command[0]} failed:\n{self.log.read_text()[-3000:]}"


@asynccontextmanager
async def private_server(backend: str) -> AsyncIterator[PrivateServer]:
    """Initialised and running on entry; stopped and deleted on exit."""
    kind = KINDS[backend]
    root = Path(tempfile.mkdtemp(prefix=f"learnbot-{backend}-"))
    if os.geteuid() == 0:
        shutil.chown(root, user=kind.account)
    server = PrivateServer(kind, root)
    try:
        await server.initialise()
        await server.start()
        yield server
    finally:
        await server.stop()
        shutil.rmtree(root, ignore_errors=True)
