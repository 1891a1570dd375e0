"""One router per feature, joined here; the fallback router must come last."""

import importlib
from types import ModuleType

from aiogram import Router

from bot.handlers import (
    admin,
    courses,
    errors,
    fallback,
    goal,
    inbox,
    profile,
    quiz,
    reminders,
    review,
    standing,
    start,
)

FEATURES = (
    errors,
    start,
    courses,
    quiz,
    review,
    standing,
    profile,
    goal,
    reminders,
    inbox,
    admin,
    fallback,
)


def build_router() -> Router:
    root = Router(name="learnbot")
    root.include_routers(*(_unattached_router(feature) for feature in FEATURES))
    return root


def _unattached_router(feature: ModuleType) -> Router:
    """The feature's router, from a fresh import if a dispatcher already holds it.

    aiogram attaches a router to one parent only, while one process may build several
    dispatchers (the fuzz tests and the benchmarks share a test session); re-running the
    module registers the same handlers on a new router.
    """
    router: Router = feature.router
    if router.parent_router is not None:
        router = importlib.reload(feature).router
    return router
