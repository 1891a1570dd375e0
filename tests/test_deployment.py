"""Static checks of the deployment files: compose, Dockerfile, .dockerignore, .ci/run, Makefile.

Nothing here needs Docker or a database: the files are parsed and every path they name is looked up
in the repository, so a renamed package or a typo fails here rather than in a build.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shlex
import shutil
import stat
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
ENV_EXAMPLE = ROOT / ".env.example"
CI_RUN = ROOT / ".ci" / "run"
MAKEFILE = ROOT / "Makefile"


# --------------------------------------------------------------------------- docker-compose.yml


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(data, dict), "docker-compose.yml must be a mapping"
    return data


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = compose.get("services")
    assert isinstance(found, dict)
    assert found, "docker-compose.yml defines no services"
    return found


def test_compose_uses_the_compose_specification(compose: dict[str, Any]) -> None:
    assert "version" not in compose, "the top-level `version` key is obsolete in the Compose spec"
    assert {"postgres", "bot"} <= set(compose["services"])


def test_every_service_has_an_image_or_an_existing_build_context(
    services: dict[str, dict[str, Any]],
) -> None:
    for name, service in services.items():
        build = service.get("build")
        assert service.get("image") or build, f"service {name!r} has neither image nor build"
        if build is None:
            continue
        if isinstance(build, str):
            context, dockerfile = build, "Dockerfile"
        else:
            context = build.get("context", ".")
            dockerfile = build.get("dockerfile", "Dockerfile")
        context_dir = ROOT / context
        assert context_dir.is_dir(), f"service {name!r}: build context {context!r} is missing"
        assert (context_dir / dockerfile).is_file(), (
            f"service {name!r}: {dockerfile!r} not found in build context {context!r}"
        )


def _env_files(service: dict[str, Any]) -> list[tuple[str, bool]]:
    """(path, required) for each env_file entry, in every syntax Compose accepts."""
    raw = service.get("env_file")
    if raw is None:
        return []
    entries = raw if isinstance(raw, list) else [raw]
    result = []
    for entry in entries:
        if isinstance(entry, str):
            result.append((entry, True))
        else:
            result.append((entry["path"], bool(entry.get("required", True))))
    return result


def test_env_files_exist_or_are_optional(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        for path, required in _env_files(service):
            if (ROOT / path).is_file():
                continue
            # .env is never committed (it holds the bot token): a clean clone must still come up.
            assert not required, (
                f"service {name!r}: env_file {path!r} does not exist and is not `required: false`"
            )


def test_bot_env_file_dot_env_is_optional(services: dict[str, dict[str, Any]]) -> None:
    env_files = dict(_env_files(services["bot"]))
    assert ".env" in env_files, "the bot should read its secrets from .env"
    assert env_files[".env"] is False, ".env must be `required: false` (it is not in the repo)"


def test_volume_sources_exist_and_named_volumes_are_declared(compose: dict[str, Any]) -> None:
    declared = set(compose.get("volumes") or {})
    for name, service in compose["services"].items():
        for volume in service.get("volumes", []):
            if isinstance(volume, str):
                source = volume.split(":", 1)[0] if ":" in volume else None
                if source is None:
                    kind = "anonymous"
                elif source.startswith(("/", ".", "~")) or "/" in source:
                    kind = "bind"
                else:
                    kind = "volume"
            else:
                source = volume.get("source")
                kind = volume.get("type", "volume")
            if kind == "bind":
                assert source is not None
                if not source.startswith(("/", "~")):
                    assert (ROOT / source).exists(), (
                        f"service {name!r}: bind mount source {source!r} does not exist"
                    )
            elif kind == "volume" and source:
                assert source in declared, (
                    f"service {name!r}: named volume {source!r} is not declared at the top level"
                )


def _depends_on(service: dict[str, Any]) -> dict[str, dict[str, Any]]:
    raw = service.get("depends_on") or {}
    if isinstance(raw, list):
        return {dep: {} for dep in raw}
    return {dep: (spec or {}) for dep, spec in raw.items()}


def test_depends_on_names_existing_services(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        for dependency, spec in _depends_on(service).items():
            assert dependency in services, f"service {name!r} depends on unknown {dependency!r}"
            assert dependency != name, f"service {name!r} depends on itself"
            if spec.get("condition") == "service_healthy":
                assert "healthcheck" in services[dependency], (
                    f"{name!r} waits for {dependency!r} to be healthy, but it has no healthcheck"
                )


def test_bot_waits_for_a_healthy_postgres(services: dict[str, dict[str, Any]]) -> None:
    assert _depends_on(services["bot"]).get("postgres", {}).get("condition") == "service_healthy"


MEMORY_UNITS = {"b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def _memory_bytes(value: object) -> int:
    """A Compose memory size ("128M", "128m", "134217728") in bytes."""
    text = str(value).strip().lower().removesuffix("b") or "0"
    unit = text[-1] if text[-1] in MEMORY_UNITS else "b"
    return int(float(text.rstrip("kmg")) * MEMORY_UNITS[unit])


def test_bot_container_is_limited_to_128_mib(services: dict[str, dict[str, Any]]) -> None:
    """The deployment the footprint is measured for: a bot in 128 MB beside a shared database."""
    bot = services["bot"]
    limit = bot.get("deploy", {}).get("resources", {}).get("limits", {}).get("memory")
    assert limit is not None, "the bot service needs deploy.resources.limits.memory"
    assert _memory_bytes(limit) == 128 * 1024**2
    assert "mem_limit" not in bot, "one limit only: deploy.resources.limits.memory"


def test_memory_sizes_are_read_as_compose_reads_them() -> None:
    assert _memory_bytes("128M") == _memory_bytes("128m") == _memory_bytes("134217728")
    assert _memory_bytes("1g") == 1024**3


def test_postgres_has_a_pg_isready_healthcheck(services: dict[str, dict[str, Any]]) -> None:
    postgres = services["postgres"]
    assert str(postgres["image"]).startswith("postgres:")
    healthcheck = postgres.get("healthcheck")
    assert isinstance(healthcheck, dict), "postgres needs a healthcheck"
    test = healthcheck.get("test")
    assert isinstance(test, str | list), "the healthcheck needs a test command"
    command = test if isinstance(test, str) else " ".join(map(str, test))
    assert "pg_isready" in command


def _environment(service: dict[str, Any]) -> dict[str, str]:
    raw = service.get("environment") or {}
    if isinstance(raw, list):
        return dict(item.split("=", 1) if "=" in item else (item, "") for item in raw)
    return {key: "" if value is None else str(value) for key, value in raw.items()}


def test_bot_database_url_points_at_the_postgres_service(
    services: dict[str, dict[str, Any]],
) -> None:
    env = _environment(services["bot"])
    url = env.get("DATABASE_URL", "")
    assert url.startswith("postgresql+asyncpg://"), url
    assert re.search(r"@postgres(:5432)?/", url), f"DATABASE_URL does not name the service: {url}"
    assert env.get("AUTO_MIGRATE") == "1"


def test_env_example_documents_every_variable_compose_substitutes() -> None:
    documented = set(
        re.findall(r"^\s*#?\s*([A-Z][A-Z0-9_]*)=", ENV_EXAMPLE.read_text("utf-8"), re.MULTILINE)
    )
    # `$${NAME}` is an escaped dollar (expanded in the container, not by compose): leave it out.
    substituted = set(re.findall(r"(?<!\$)\$\{([A-Z][A-Z0-9_]*)", COMPOSE.read_text("utf-8")))
    assert substituted, "expected docker-compose.yml to take settings from the environment"
    assert substituted <= documented, f"not in .env.example: {sorted(substituted - documented)}"
    required = {"BOT_TOKEN", "DATABASE_URL", "DEFAULT_TIMEZONE", "ADMIN_IDS"}
    assert required <= documented, f"not in .env.example: {sorted(required - documented)}"


# --------------------------------------------------------------------------- Dockerfile


@dataclass
class Stage:
    base: str
    name: str | None
    instructions: list[tuple[str, str]] = field(default_factory=list)


def _instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with comments dropped and continuation lines joined."""
    result: list[tuple[str, str]] = []
    pending = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if pending and stripped.startswith("#"):
            continue  # comment lines inside a continuation are ignored by BuildKit
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        full = (pending + stripped).strip()
        pending = ""
        if full:
            keyword, _, arguments = full.partition(" ")
            result.append((keyword.upper(), arguments.strip()))
    assert not pending, "Dockerfile ends in a line continuation"
    return result


@pytest.fixture(scope="module")
def stages() -> list[Stage]:
    result: list[Stage] = []
    for keyword, arguments in _instructions(DOCKERFILE.read_text(encoding="utf-8")):
        if keyword == "FROM":
            words = [w for w in arguments.split() if not w.startswith("--")]
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
            result.append(Stage(base=words[0], name=name))
        else:
            assert result, f"{keyword} before the first FROM"
            result[-1].instructions.append((keyword, arguments))
    assert result, "Dockerfile has no FROM"
    return result


def _copy_arguments(arguments: str) -> tuple[dict[str, str], list[str], str]:
    """(flags, sources, destination) of a COPY/ADD in shell or JSON form."""
    flags: dict[str, str] = {}
    rest = arguments
    while match := re.match(r"--([a-z-]+)(?:=(\S*))?\s+", rest):
        flags[match.group(1)] = match.group(2) or ""
        rest = rest[match.end() :]
    words = json.loads(rest) if rest.startswith("[") else shlex.split(rest)
    assert len(words) >= 2, f"COPY needs a source and a destination: {arguments!r}"
    return flags, words[:-1], words[-1]


def _dockerignore_patterns() -> list[str]:
    patterns = []
    for line in DOCKERIGNORE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            patterns.append(line)
    return patterns


def _ignored(relative: str, patterns: list[str]) -> bool:
    """Whether .dockerignore drops `relative` (or a parent) from the build context."""
    path = PurePosixPath(relative)
    candidates = [str(path), *(str(parent) for parent in path.parents if str(parent) != ".")]
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        body = pattern[1:] if negate else pattern
        body = body.lstrip("/").rstrip("/")
        for candidate in candidates:
            if fnmatch.fnmatchcase(candidate, body) or (
                body.startswith("**/") and fnmatch.fnmatchcase(candidate, body[3:])
            ):
                ignored = not negate
                break
    return ignored


def test_dockerfile_is_multi_stage(stages: list[Stage]) -> None:
    assert len(stages) >= 2, "build in one stage and copy the result into a slim runtime stage"
    names = [stage.name for stage in stages]
    assert len(set(names)) == len(names), f"duplicate stage names: {names}"
    for stage in stages:
        assert stage.base.startswith("python:3.11"), stage.base


def test_every_copy_source_exists_and_is_in_the_build_context(stages: list[Stage]) -> None:
    patterns = _dockerignore_patterns()
    known_stages: set[str] = set()
    copied = 0
    for index, stage in enumerate(stages):
        for keyword, arguments in stage.instructions:
            if keyword not in {"COPY", "ADD"}:
                continue
            flags, sources, _ = _copy_arguments(arguments)
            if "from" in flags:
                assert flags["from"] in known_stages, (
                    f"COPY --from={flags['from']} names no earlier stage"
                )
                continue
            for source in sources:
                assert "://" not in source, f"{keyword} of a URL is not reproducible: {source}"
                relative = source.rstrip("/") or "."
                matches = list(ROOT.glob(relative)) if any(c in relative for c in "*?[") else []
                assert matches or (ROOT / relative).exists(), (
                    f"{keyword} source {source!r} does not exist in the repository"
                )
                assert not _ignored(relative, patterns), (
                    f"{keyword} source {source!r} is excluded by .dockerignore"
                )
                copied += 1
        known_stages.update({str(index), *([stage.name] if stage.name else [])})
    assert copied, "expected the Dockerfile to COPY the project from the build context"


def test_builder_copies_every_package_setuptools_installs(stages: list[Stage]) -> None:
    copied: set[str] = set()
    for keyword, arguments in stages[0].instructions:
        if keyword == "COPY":
            _, sources, _ = _copy_arguments(arguments)
            copied.update(source.rstrip("/") for source in sources)
    expected = {"pyproject.toml", "constraints.txt", "README.md"}
    expected |= {"bot", "domain", "fake_telegram", "infrastructure", "learnbot", "migrations"}
    assert expected <= copied, f"not copied into the builder: {sorted(expected - copied)}"


def test_runtime_stage_runs_as_a_non_root_user(stages: list[Stage]) -> None:
    final = stages[-1]
    users = [arguments for keyword, arguments in final.instructions if keyword == "USER"]
    assert users, "the final stage must switch to a non-root USER"
    user = users[-1].split(":", 1)[0].strip()
    assert user not in {"root", "0"}, f"the final stage runs as {users[-1]!r}"
    cmd = [arguments for keyword, arguments in final.instructions if keyword == "CMD"]
    assert cmd, "the final stage needs a CMD"
    assert json.loads(cmd[-1]) == ["learnbot", "run"]


def test_dockerignore_keeps_local_state_out_of_the_image() -> None:
    patterns = _dockerignore_patterns()
    for path in (".venv", ".git", "learnbot.db", ".env", "domain/__pycache__/x.pyc"):
        assert _ignored(path, patterns), f"{path} would be sent to the Docker build context"
    for path in ("README.md", "pyproject.toml", "domain/__init__.py"):
        assert not _ignored(path, patterns), f"{path} is needed by the build but ignored"


# --------------------------------------------------------------------------- .ci/run and Makefile


def test_ci_run_is_an_executable_bash_script() -> None:
    mode = CI_RUN.stat().st_mode
    assert mode & stat.S_IXUSR, ".ci/run must be executable"
    text = CI_RUN.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n") or text.startswith("#!/bin/bash\n")
    assert "set -euo pipefail" in text
    assert re.search(r"^make test$", text, re.MULTILINE), ".ci/run must end up running make test"
    bash = shutil.which("bash")
    assert bash, "bash is needed to run .ci/run"
    check = subprocess.run([bash, "-n", str(CI_RUN)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr


def test_make_test_runs_every_check_in_order() -> None:
    make = shutil.which("make")
    assert make, "make is needed: CI runs `make test`"
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    result = subprocess.run(
        [make, "-n", "-C", str(ROOT), "test"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    expected = [
        ".venv/bin/ruff check .",
        ".venv/bin/ruff format --check .",
        ".venv/bin/lint-imports",
        ".venv/bin/mypy",
        ".venv/bin/pytest",
    ]
    positions = [lines.index(command) for command in expected if command in lines]
    assert len(positions) == len(expected), f"make -n test printed:\n{result.stdout}"
    assert positions == sorted(positions), f"checks out of order:\n{result.stdout}"


def test_makefile_defines_the_documented_targets() -> None:
    targets = set(re.findall(r"^([a-z][a-z-]*):", MAKEFILE.read_text("utf-8"), re.MULTILINE))
    assert {"venv", "run", "test", "lint", "fmt", "clean"} <= targets


# --------------------------------------------------------------------------- operations


INIT_SCRIPT = ROOT / "deploy" / "postgres-init" / "create-bot-databases.sh"


def test_optional_services_sit_behind_profiles(services: dict[str, dict[str, Any]]) -> None:
    expected = {"scheduler": "scheduler", "mysql": "mysql", "pgadmin": "pgadmin"}
    assert {name: services[name].get("profiles") for name in expected} == {
        name: [profile] for name, profile in expected.items()
    }
    assert "profiles" not in services["bot"]
    assert "profiles" not in services["postgres"]
    assert services["scheduler"]["command"] == ["learnbot", "scheduler"]
    assert _environment(services["scheduler"]).get("AUTO_MIGRATE") == "0", "the bot migrates"


def test_databases_and_the_bot_have_healthchecks(services: dict[str, dict[str, Any]]) -> None:
    for name in ("postgres", "mysql", "bot"):
        assert "test" in services[name].get("healthcheck", {}), f"{name} has no healthcheck"
    assert "/healthz" in " ".join(services["bot"]["healthcheck"]["test"])
    assert "METRICS_PORT" in _environment(services["bot"])


def test_the_init_script_is_mounted_into_the_postgres_entrypoint(
    services: dict[str, dict[str, Any]],
) -> None:
    mounts = [volume.split(":") for volume in services["postgres"]["volumes"]]
    [source] = [source for source, target, *_ in mounts if target == "/docker-entrypoint-initdb.d"]
    assert (ROOT / source / INIT_SCRIPT.name).resolve() == INIT_SCRIPT.resolve()
    assert INIT_SCRIPT.stat().st_mode & stat.S_IXUSR, "the entrypoint runs executable scripts"
    assert {"BOT_DATABASES", "BOT_DB_PASSWORD"} <= set(_environment(services["postgres"]))


def test_the_init_script_is_valid_bash() -> None:
    check = subprocess.run(["bash", "-n", str(INIT_SCRIPT)], capture_output=True, check=False)
    assert check.returncode == 0, check.stderr


def _init(bots: str) -> subprocess.CompletedProcess[str]:
    """The script as the entrypoint runs it, against the local test PostgreSQL."""
    env = os.environ | {
        "BOT_DATABASES": bots,
        "BOT_DB_PASSWORD": "pw-for-tests",
        "POSTGRES_USER": "postgres",
        "POSTGRES_DB": "postgres",
        "PGHOST": "127.0.0.1",
    }
    return subprocess.run(
        ["bash", str(INIT_SCRIPT)], env=env, capture_output=True, text=True, check=False
    )


def _psql(sql: str) -> str:
    result = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-tAc", sql],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_the_init_script_creates_a_database_and_a_user_per_bot() -> None:
    bots = [f"lbt{os.getpid()}_{suffix}" for suffix in ("a", "b")]
    try:
        first, again = _init(", ".join(bots)), _init(bots[0])
        assert first.returncode == 0, first.stderr
        assert again.returncode == 0, "running it twice must be harmless"
        owners = _psql(
            "SELECT datname || '=' || pg_get_userbyid(datdba) FROM pg_database "
            f"WHERE datname LIKE 'lbt{os.getpid()}%' ORDER BY datname"
        )
        assert owners.split() == [f"{bot}_db={bot}_user" for bot in bots]
    finally:
        for bot in bots:
            _psql(f"DROP DATABASE IF EXISTS {bot}_db")
            _psql(f"DROP ROLE IF EXISTS {bot}_user")


def test_the_init_script_refuses_names_that_are_not_identifiers() -> None:
    good = f"lbt{os.getpid()}_ok"
    try:
        refused = _init(f"{good} bad-name")
        assert refused.returncode == 1
        assert "'bad-name' is not a valid bot name" in refused.stderr
        assert _psql(f"SELECT count(*) FROM pg_roles WHERE rolname = '{good}_user'") == "1"
    finally:
        _psql(f"DROP DATABASE IF EXISTS {good}_db")
        _psql(f"DROP ROLE IF EXISTS {good}_user")
