"""The learner's side of the inbox: questions and problem reports, and clearing them."""

from aiogram.filters import CommandObject
from aiogram.types import Message
from aiogram.utils.i18n import gettext as _

from bot.rendering.inbox import how_to_write
from bot.services import Services
from domain.enums import InboxKind
from domain.learners import Learner


async def ask(
    message: Message, command: CommandObject, learner: Learner, services: Services
) -> None:
    """About the question on screen, else the lesson the learner is in."""
    kind = InboxKind.QUESTION if command.command == "ask" else InboxKind.PROBLEM
    if not (command.args or "").strip():
        await message.answer(how_to_write(kind))
        return
    challenge_id = learner.pending_challenge_id
    lesson = None if challenge_id else await services.journey.resume(learner)
    await services.inbox.ask(
        learner,
        message.chat.id,
        kind,
        command.args or "",
        lesson_id=None if lesson is None else lesson.id,
        challenge_id=challenge_id,
    )
    await message.answer(_("Thank you! The course team will answer here."))


async def forget(message: Message, learner: Learner, services: Services) -> None:
    removed = await services.inbox.forget(learner.id)
    await message.answer(_("Deleted {n} of your messages to the course team.").format(n=removed))
