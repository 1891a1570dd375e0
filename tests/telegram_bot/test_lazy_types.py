"""aiogram's types are built on first use, and then behave as if built at import."""

import subprocess
import sys

from aiogram import methods, types

from bot.lazy_types import build_models, is_deferred


def run_fresh(code: str) -> str:
    """Runs ``code`` in a new interpreter, where no test has built a type yet."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout.strip()


def test_importing_the_bot_leaves_aiograms_types_unbuilt() -> None:
    built = run_fresh(
        "import bot.dispatcher, aiogram.types as t, pydantic;"
        "models = [m for m in vars(t).values()"
        " if isinstance(m, type) and issubclass(m, pydantic.BaseModel)];"
        "print(sum(m.__pydantic_complete__ for m in models), len(models))"
    )
    complete, total = map(int, built.split())

    assert total > 200
    assert complete < total // 10


def test_an_update_validates_with_its_nested_forward_references_resolved() -> None:
    update = types.Update.model_validate(
        {
            "update_id": 7,
            "callback_query": {
                "id": "q1",
                "chat_instance": "c",
                "data": "answer:1",
                "from": {"id": 42, "is_bot": False, "first_name": "Ada"},
                "message": {
                    "message_id": 3,
                    "date": 1_700_000_000,
                    "chat": {"id": 42, "type": "private"},
                    "reply_to_message": {
                        "message_id": 2,
                        "date": 1_700_000_000,
                        "chat": {"id": 42, "type": "private"},
                        "text": "earlier",
                    },
                },
            },
        }
    )

    query = update.callback_query
    assert query is not None
    assert query.from_user.first_name == "Ada"
    assert isinstance(query.message, types.Message)
    assert isinstance(query.message.reply_to_message, types.Message)
    assert query.message.reply_to_message.text == "earlier"


def test_a_method_builds_its_reply_markup_on_first_use() -> None:
    call = methods.SendMessage(
        chat_id=1,
        text="Pick one",
        reply_markup=types.InlineKeyboardMarkup(
            inline_keyboard=[[types.InlineKeyboardButton(text="A", callback_data="a")]]
        ),
    )

    assert not is_deferred(methods.SendMessage)
    assert isinstance(call.reply_markup, types.InlineKeyboardMarkup)
    assert call.reply_markup.inline_keyboard[0][0].callback_data == "a"


def test_build_models_builds_the_ones_asked_for_only() -> None:
    built = run_fresh(
        "import bot, aiogram.types as t; from bot.lazy_types import build_models, is_deferred;"
        "build_models([t.Poll]);"
        "print(is_deferred(t.Poll), is_deferred(t.ChatBoostUpdated))"
    )

    assert built == "False True"


def test_build_models_is_a_no_op_for_built_models() -> None:
    build_models([types.User, types.User])

    assert not is_deferred(types.User)
    assert types.User(id=1, is_bot=False, first_name="A").id == 1
