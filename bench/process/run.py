"""``learnbot run`` as operators start it, against the fake Bot API on a fresh database.

Start-up is the time from spawning the process to its first ``getUpdates`` on the fake
(migrations already applied: the process only checks the revision). Beside it, the time
from spawning a fresh interpreter to its having imported the serving modules
(``imports_s``): on the same machine, the part of start-up that is imports, and across
machines a yardstick of their speed (start-up is seconds, not a ratio). Memory is the
resident set (``VmRSS`` in ``/proc/<pid>/status``) once idle after start-up and again
after the answers; ``VmHWM`` is the peak.
"""

import asyncio
import itertools
import math
import os
import signal
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.process.learners import open_quiz, press, say_start
from bench.support.course import publish_course
from bench.support.databases import drop_database, fresh_database
from bench.support.plans import answer_plan
from fake_telegram import FakeTelegram, User

LEARNBOT = str(Path(sys.executable).parent / "learnbot")
TOKEN = "123456789:AAbench-process-token-never-real"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 30.0
ANSWERS_PER_LESSON = 6


@dataclass(frozen=True)
class ProcessSizes:
    answers: int = 10_000
    learners: int = 50
    idle_seconds: float = 3.0


SERVING_MODULES = "import learnbot.cli, learnbot.telegram"
"""What ``learnbot run`` imports before its first ``getUpdates`` (tests/test_serving_imports.py
keeps the rest out of it)."""


IMPORTED_AT = f"{SERVING_MODULES}; import os, time; print(time.time(), flush=True); os._exit(0)"
"""The serving modules' imports, then the wall-clock time they were done at; the exit skips
the interpreter's teardown (freeing every module's objects took 0.4 s of a 1.3 s run on a
fast machine, and ``learnbot run`` does not exit before its first ``getUpdates``)."""


async def import_seconds() -> float:
    """Seconds from spawning a fresh interpreter to its having imported the serving
    modules: what start-up would be if ``learnbot run`` did nothing else."""
    started = time.time()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", IMPORTED_AT, stdout=asyncio.subprocess.PIPE
    )
    printed, _ = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"{SERVING_MODULES!r} failed in a fresh interpreter")
    return float(printed) - started


def memory_mb(pid: int) -> dict[str, float]:
    """Resident and peak resident memory of a live process, in MiB."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return {name: int(fields[name].split()[0]) / 1024 for name in ("VmRSS", "VmHWM")}


async def measure_process(
    backend: str, sizes: ProcessSizes, folder: Path, name: str = "learnbot_bench_process"
) -> dict[str, Any]:
    url = await fresh_database(backend, name, folder)
    try:
        per_learner = math.ceil(sizes.answers / sizes.learners)
        lessons = math.ceil(per_learner / ANSWERS_PER_LESSON)
        course = await publish_course(url, folder / "pack", lessons)
        async with FakeTelegram() as fake:
            report = await _serve_and_answer(fake, url, folder / "bot.log", course, sizes)
        imports = await import_seconds()
        return {"backend": backend, "sizes": asdict(sizes)} | report | {"imports_s": imports}
    finally:
        await drop_database(backend, name)


async def _serve_and_answer(
    fake: FakeTelegram, url: str, log_path: Path, course: Any, sizes: ProcessSizes
) -> dict[str, Any]:
    env = os.environ | {
        "DATABASE_URL": url,
        "BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": fake.url,
        "THROTTLE_ACTIONS": "1000000000",
    }
    with log_path.open("wb") as log:
        spawned = time.perf_counter()
        process = await asyncio.create_subprocess_exec(
            LEARNBOT, "run", env=env, stdout=log, stderr=log
        )
        try:
            await fake.wait_until_polling(timeout=START_TIMEOUT)
            startup = time.perf_counter() - spawned
            await asyncio.sleep(sizes.idle_seconds)
            idle = memory_mb(process.pid)
            answered = await _answer(fake, course, sizes)
            after = memory_mb(process.pid)
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            code = await asyncio.wait_for(process.wait(), STOP_TIMEOUT)
    return answered | {
        "startup_s": startup,
        "rss_idle_mb": idle["VmRSS"],
        "rss_after_mb": after["VmRSS"],
        "peak_rss_mb": after["VmHWM"],
        "exit_code": code,
        "refusals": _refusals(fake),
    }


async def _answer(fake: FakeTelegram, course: Any, sizes: ProcessSizes) -> dict[str, float]:
    """``sizes.answers`` answers from ``sizes.learners`` learners answering side by side."""
    shares = [sizes.answers // sizes.learners] * sizes.learners
    for index in range(sizes.answers % sizes.learners):
        shares[index] += 1
    started = time.perf_counter()

    async def learn(number: int, count: int) -> None:
        user = User(800_000_001 + number, f"Learner {number}", f"learner_{number}")
        message_id = await say_start(fake, user)
        opened = None
        for step in itertools.islice(answer_plan(course), count):
            if step.challenge.lesson_id != opened:
                opened = step.challenge.lesson_id
                await open_quiz(fake, user, message_id, opened)
            await press(fake, user, message_id, step)

    await asyncio.gather(*(learn(number, count) for number, count in enumerate(shares)))
    seconds = time.perf_counter() - started
    return {"answers": sizes.answers, "answer_seconds": seconds}


def _refusals(fake: FakeTelegram) -> int:
    """Callback answers with a text: an error, a stale answer or the throttle."""
    return sum(1 for call in fake.calls("answerCallbackQuery") if call.params.get("text"))
