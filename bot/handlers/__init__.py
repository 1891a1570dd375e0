"""One router per feature, joined here; the fallback router must come last.

Each feature module builds its router in ``build_router``, so every dispatcher gets routers
of its own (aiogram attaches a router to one parent only, and one process may build several
dispatchers: the fuzz tests and the benchmarks share a test session).
"""

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
    standing,
    start,
)

FEATURES = (
    errors,
    start,
    courses,
    quiz,
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
    root.include_routers(*(feature.build_router() for feature in FEATURES))
    return root
