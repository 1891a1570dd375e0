"""The serving process's heap: settled after start-up, and freed memory handed back.

Two things keep a long-running bot bigger and busier than it needs to be:

- **The collector walks start-up.** Everything imported and built before the first
  update (aiogram's types, SQLAlchemy's tables, the dispatcher) lives as long as the
  process, yet every full collection walks it again. ``settle`` collects once and then
  freezes what is left (``gc.freeze``): later collections leave it alone.
- **glibc keeps what Python frees.** Updates allocate and free many small buffers (rows,
  JSON, pydantic's validation); glibc's malloc keeps the freed pages for reuse and hands
  back only the top of its heap, so resident memory creeps up under load and stays there.
  ``keep_trimmed`` calls ``malloc_trim(0)`` every few seconds, which returns every whole
  free page to the kernel. On ``bench.process`` (10,000 answers, PostgreSQL) it took the
  peak from 128.9 to 117.8-121.6 MiB (docs/performance.md). Where the C library is not glibc
  (musl, macOS) there is no ``malloc_trim`` and trimming is skipped.
"""

import asyncio
import ctypes
import gc
import logging
from collections.abc import Callable
from functools import cache

log = logging.getLogger(__name__)


def settle() -> None:
    """Collect start-up's garbage, then exempt what survives from later collections."""
    gc.collect()
    gc.freeze()
    trim()


def trim() -> bool:
    """Hand free heap pages back to the kernel; False where the C library cannot."""
    malloc_trim = _malloc_trim()
    if malloc_trim is None:
        return False
    malloc_trim(0)
    return True


async def keep_trimmed(every_seconds: float) -> None:
    """Trim every ``every_seconds`` until cancelled (a timer, not a wait for anything)."""
    if _malloc_trim() is None:
        log.debug("no malloc_trim in this C library: freed memory is not trimmed")
        return
    while True:
        await asyncio.sleep(every_seconds)
        trim()


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:  # the symbols the process has loaded, the C library's among them
        function = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_size_t]
    function.restype = ctypes.c_int
    return function
