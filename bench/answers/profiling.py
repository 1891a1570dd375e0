"""Where the bot's CPU goes during saturation: cProfile's own time, summed by library.

The answer path is CPU-bound in the bot (the raw drivers do the same writes many times
faster), so the question a profile must answer is *whose* Python runs: aiogram's,
SQLAlchemy's, pydantic's, the driver's, or learnbot's own. Own time (not cumulative) adds
up to the whole, so the shares are comparable across runs.
"""

import cProfile
import os
import pstats
import sys
import sysconfig
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.answers.sizes import Report

_STDLIB = sysconfig.get_paths()["stdlib"]
_PROJECT = str(Path(__file__).resolve().parents[2])
TOP_FUNCTIONS = 15


def library_of(filename: str) -> str:
    """``aiogram``, ``sqlalchemy``, ``asyncio``, ``learnbot:bot``, ... for a code file."""
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins (C)"
    if "site-packages" in filename:
        return filename.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if filename.startswith(_PROJECT):
        return "learnbot:" + filename[len(_PROJECT) + 1 :].split("/", 1)[0]
    if filename.startswith(_STDLIB):
        part = filename[len(_STDLIB) + 1 :].split("/", 1)[0].removesuffix(".py")
        return "asyncio" if part == "asyncio" else "stdlib"
    return "other"


@contextmanager
def profiled(into: Report) -> Iterator[None]:
    """Profiles the block and writes its summary into ``into["profile"]``."""
    if os.environ.get("LEARNBOT_PYINSTRUMENT"):
        from pyinstrument import Profiler

        sampler = Profiler(async_mode="disabled", interval=0.0005)
        sampler.start()
        try:
            yield
        finally:
            sampler.stop()
            Path(os.environ["LEARNBOT_PYINSTRUMENT"]).write_text(
                sampler.output_text(unicode=False, show_all=False, timeline=False)
            )
        return
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        yield
    finally:
        profiler.disable()
        if dump := os.environ.get("LEARNBOT_PROFILE_DUMP"):
            profiler.dump_stats(dump)
        into["profile"] = summary(pstats.Stats(profiler, stream=sys.stderr))


def summary(stats: pstats.Stats) -> Report:
    by_library: Counter[str] = Counter()
    functions: list[tuple[float, str]] = []
    raw = stats.stats  # type: ignore[attr-defined]
    for (filename, line, name), (_, _, own, _, _) in raw.items():
        by_library[library_of(filename)] += own
        functions.append((own, f"{library_of(filename)} {Path(filename).name}:{line} {name}"))
    total = sum(by_library.values()) or 1.0
    return {
        "total_s": total,
        "by_library": {lib: own / total for lib, own in by_library.most_common()},
        "top_functions": [
            {"share": own / total, "function": where}
            for own, where in sorted(functions, reverse=True)[:TOP_FUNCTIONS]
        ],
    }
