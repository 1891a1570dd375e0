"""A scheduled run that finds the database away: one log line, and the timetable goes on."""

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

from domain.errors import StorageUnavailable

log = logging.getLogger(__name__)
P = ParamSpec("P")
T = TypeVar("T")


def survives_outages(job: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[T | None]]:
    """The run returns None and the next tick tries again. Any other failure is left to
    APScheduler, which logs it with its traceback and keeps the job scheduled too."""

    @functools.wraps(job)
    async def run(*args: P.args, **kwargs: P.kwargs) -> T | None:
        try:
            return await job(*args, **kwargs)
        except StorageUnavailable as error:
            log.warning("%s skipped, the next tick tries again: %s", job.__name__, error)
            return None

    return run
