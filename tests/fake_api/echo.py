"""A tiny aiogram bot for exercising the fake: echoes text, offers a menu, edits on a tap."""

from aiogram import Bot, Dispatcher, F, Router, html
from aiogram.filters import Command
from aiogram.methods import SendMessage
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    PollAnswer,
    Update,
)

MENU = InlineKeyboardMarkup(
    inline_keyboard=[
        [
            InlineKeyboardButton(text="Apples", callback_data="pick:apples"),
            InlineKeyboardButton(text="Pears", callback_data="pick:pears"),
        ],
        [InlineKeyboardButton(text="Docs", url="https://example.org/docs")],
    ]
)


def build_router(seen: list[int]) -> Router:
    router = Router(name="echo")

    @router.message(Command("menu"))
    async def menu(message: Message) -> None:
        await message.answer("<b>Pick</b> a fruit", reply_markup=MENU)

    @router.message(Command("ping"))
    async def ping(message: Message) -> SendMessage:
        """Returned, not awaited: a webhook in the foreground sends it back as its reply."""
        return message.answer("pong")

    @router.message(Command("quiz"))
    async def quiz(message: Message) -> None:
        await message.answer_poll(
            "2 + 2?", ["3", "4"], type="quiz", correct_option_ids=[1], is_anonymous=False
        )

    @router.poll_answer()
    async def voted(answer: PollAnswer, bot: Bot) -> None:
        assert answer.user is not None
        await bot.send_message(answer.user.id, f"you chose {answer.option_ids}")

    @router.message(F.text)
    async def echo(message: Message, event_update: Update) -> None:
        seen.append(event_update.update_id)
        await message.answer(f"<i>echo</i> {html.quote(message.text or '')}")

    @router.callback_query(F.data.startswith("pick:"))
    async def pick(query: CallbackQuery) -> None:
        fruit = (query.data or "").removeprefix("pick:")
        if isinstance(query.message, Message):
            await query.message.edit_text(f"You picked <b>{fruit}</b>", reply_markup=MENU)
        await query.answer(f"{fruit}!")

    return router


def build_dispatcher(seen: list[int]) -> Dispatcher:
    dispatcher = Dispatcher()
    dispatcher.include_router(build_router(seen))
    return dispatcher
