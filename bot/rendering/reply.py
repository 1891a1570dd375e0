"""Showing a view: edit the message a button belongs to, or send a new one."""

from dataclasses import dataclass

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message


@dataclass(frozen=True, slots=True)
class View:
    """A message's text and buttons (``bot.callbacks.Screen`` names where a button leads)."""

    text: str
    keyboard: InlineKeyboardMarkup | None = None


async def show(event: Message | CallbackQuery, screen: View) -> None:
    """Edit in place after a button press, so the chat does not fill with stale menus."""
    if isinstance(event, CallbackQuery):
        if isinstance(event.message, Message) and await _edit(event.message, screen):
            return
        if event.message is not None:
            await event.message.answer(screen.text, reply_markup=screen.keyboard)
        return
    await event.answer(screen.text, reply_markup=screen.keyboard)


async def _edit(message: Message, screen: View) -> bool:
    try:
        await message.edit_text(screen.text, reply_markup=screen.keyboard)
    except TelegramBadRequest as error:
        return "message is not modified" in error.message
    return True
