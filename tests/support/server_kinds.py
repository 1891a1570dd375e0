"""How to initialise, run and reach a private PostgreSQL or MariaDB server.

Each kind finds its binaries on this machine, or fails the test with a clear message
(the restart tests are never skipped). As root the servers run as their system users.
"""

import glob
import os
import pwd
import shutil
import signal
from dataclasses import dataclass
from pathlib import Path

import pytest

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"


@dataclass(frozen=True)
class ServerKind:
    backend: str
    account: str
    """The system user a root-run server switches to, and who owns its directory."""
    stop_signal: signal.Signals
    """Fast shutdown: PostgreSQL rolls back open transactions on SIGINT, MariaDB on SIGTERM."""

    def initialise(self, root: Path) -> list[str]:
        raise NotImplementedError

    def serve(self, root: Path, port: int) -> list[str]:
        raise NotImplementedError

    def url(self, port: int, database: str) -> str:
        raise NotImplementedError

    def runs_as(self) -> int | None:
        """The uid to run the binaries as: the service account when we are root."""
        return pwd.getpwnam(self.account).pw_uid if os.geteuid() == 0 else None


class PostgresKind(ServerKind):
    def initialise(self, root: Path) -> list[str]:
        data = str(root / "data")
        return [
            _pg("initdb"),
            "-D",
            data,
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "-E",
            "UTF8",
        ]

    def serve(self, root: Path, port: int) -> list[str]:
        settings = ["listen_addresses=127.0.0.1", "fsync=off", "max_connections=50"]
        options = [part for setting in settings for part in ("-c", setting)]
        data, socket_dir = str(root / "data"), str(root)
        return [_pg("postgres"), "-D", data, "-p", str(port), "-k", socket_dir, *options]

    def url(self, port: int, database: str) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{port}/{database}"


class MariaDbKind(ServerKind):
    def initialise(self, root: Path) -> list[str]:
        return [
            _binary("mariadb-install-db", "mysql_install_db"),
            "--no-defaults",
            f"--datadir={root / 'data'}",
            *self._user(),
            "--auth-root-authentication-method=normal",
            "--skip-test-db",
        ]

    def serve(self, root: Path, port: int) -> list[str]:
        return [
            _binary("mariadbd", "mysqld"),
            "--no-defaults",
            f"--datadir={root / 'data'}",
            f"--port={port}",
            f"--socket={root / 'mariadb.sock'}",
            f"--pid-file={root / 'mariadb.pid'}",
            "--bind-address=127.0.0.1",
            "--innodb-buffer-pool-size=32M",
            "--innodb-print-all-deadlocks=ON",
            "--character-set-server=utf8mb4",
            "--collation-server=utf8mb4_general_ci",
            *self._user(),
        ]

    def url(self, port: int, database: str) -> str:
        return f"mysql+aiomysql://root@127.0.0.1:{port}/{database}"

    def runs_as(self) -> int | None:
        """mariadbd drops root itself (``--user``), so it is started as we are."""
        return None

    def _user(self) -> list[str]:
        return [f"--user={self.account}"] if os.geteuid() == 0 else []


KINDS: dict[str, ServerKind] = {
    "postgresql": PostgresKind("postgresql", "postgres", signal.SIGINT),
    "mariadb": MariaDbKind("mariadb", "mysql", signal.SIGTERM),
}


def _pg(name: str) -> str:
    found = sorted(glob.glob(f"{PG_BIN_GLOB}/{name}")) or [shutil.which(name) or ""]
    if not found[-1]:
        pytest.fail(f"PostgreSQL's {name} is not installed (looked in {PG_BIN_GLOB} and PATH)")
    return found[-1]


def _binary(*names: str) -> str:
    for name in names:
        path = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/local/sbin")
        if path:
            return path
    pytest.fail(f"MariaDB's {' or '.join(names)} is not installed (looked in PATH and /usr/sbin)")
