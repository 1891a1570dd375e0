"""One router per feature, joined here; the fallback router must come last. Commands are
routed by the table in ``bot.handlers.commands``, the other updates by their feature.

Each feature module builds its router in ``build_router``, so every dispatcher gets routers
of its own (aiogram attaches a router to one parent only, and one process may build several
dispatchers: the fuzz tests and the benchmarks share a test session).
"""

from aiogram import Router

from bot.handlers import (
    commands,
    courses,
    errors,
    fallback,
    goal,
    leagues,
    polls,
    profile,
    quiz,
    reminders,
    review,
    standing,
    start,
)

FEATURES = (
    errors,
    commands,
    start,
    courses,
    quiz,
    polls,
    review,
    standing,
    leagues,
    profile,
    goal,
    reminders,
    fallback,
)


def build_router() -> Router:
    root = Router(name="learnbot")
    root.include_routers(*(feature.build_router() for feature in FEATURES))
    return root
