"""One router per feature, joined here; the fallback router must come last."""

from aiogram import Router

from bot.handlers import (
    admin,
    courses,
    errors,
    fallback,
    inbox,
    profile,
    quiz,
    reminders,
    standing,
    start,
)


def build_router() -> Router:
    root = Router(name="learnbot")
    root.include_routers(
        errors.router,
        start.router,
        courses.router,
        quiz.router,
        standing.router,
        profile.router,
        reminders.router,
        inbox.router,
        admin.router,
        fallback.router,
    )
    return root
