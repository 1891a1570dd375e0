"""One router per feature, joined here; the fallback router must come last. Commands are
routed by the table in ``bot.handlers.commands``, the other updates by their feature.

Answer buttons come first of all (``ANSWERS``): they are most of what a learner presses,
and aiogram tries a callback against every handler's filter in router order, so a press
routed behind the other features paid for their filters (about 0.1 ms an answer). Their
payloads' prefixes are theirs alone, so the order decides nothing else: messages, the
commands' precedence, the errors router and the fallback are routed as before.

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

ANSWERS = (quiz, review)
"""Each also has a ``build_answers_router``: its answer buttons, most pressed first."""

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
    root.include_routers(*(feature.build_answers_router() for feature in ANSWERS))
    root.include_routers(*(feature.build_router() for feature in FEATURES))
    return root
