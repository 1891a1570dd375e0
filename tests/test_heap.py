"""The serving process's heap: start-up settled, freed memory handed back (learnbot.heap).

The benchmark (bench.process) holds the resident-memory figures; these tests hold that the
mechanisms do what they say on this platform.
"""

import asyncio
import gc
from pathlib import Path

import pytest

from learnbot import heap

glibc = pytest.mark.skipif(not heap.trim(), reason="the C library has no malloc_trim")


def resident_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS in /proc/self/status")


@glibc
def test_trimming_hands_back_memory_freed_below_the_top_of_the_heap() -> None:
    # 2 kB objects come from malloc's heap, not from Python's small-object arenas. The last
    # one stays alive, so the heap's top is in use and free() alone cannot shrink it.
    chunks = [bytes(2000) for _ in range(30_000)]
    kept = chunks[-1]
    del chunks
    before = resident_mib()
    assert heap.trim()
    after = resident_mib()
    assert before - after >= 20, (before, after)
    assert len(kept) == 2000


def test_settling_freezes_what_start_up_left() -> None:
    gc.unfreeze()
    try:
        heap.settle()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


@glibc
async def test_trimming_runs_until_cancelled() -> None:
    trimming = asyncio.create_task(heap.keep_trimmed(0.001))
    await asyncio.sleep(0)
    assert not trimming.done()
    trimming.cancel()
    with pytest.raises(asyncio.CancelledError):
        await trimming
