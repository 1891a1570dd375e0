"""How big a run is: the defaults finish in a couple of minutes on a loaded 2-core machine."""

from dataclasses import dataclass
from typing import Any

Report = dict[str, Any]


@dataclass(frozen=True)
class Sizes:
    learners: int = 32
    seconds: float = 10.0
    warmup: float = 1.0
    rate: float = 50.0
    """Offered answers/s for the latency figures: a busy bot's load, below saturation."""
    offered_seconds: float = 10.0
    offered_learners: int = 100
    lessons: int = 50
    profile: bool = False
    """cProfile the saturation phase (its answers/s are then the profiler's, not the bot's)."""
    rounds: int = 5
    """Turns the saturation takes with the ceiling (``load.alternate``)."""
