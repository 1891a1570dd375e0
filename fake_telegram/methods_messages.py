"""sendMessage and the calls that change or remove a message the bot sent."""

from typing import Any

from fake_telegram.content import read_content, read_inline_markup
from fake_telegram.errors import NOT_MODIFIED, bad_request
from fake_telegram.messages import StoredMessage
from fake_telegram.state import Call

CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)


def chat_id_of(call: Call) -> int:
    chat_id = call.params.required_number("chat_id", "chat_id is empty")
    call.state.chats.check_reachable(chat_id)
    return chat_id


def message_of(call: Call, missing: str) -> StoredMessage:
    chat_id = chat_id_of(call)
    message_id = call.params.required_number("message_id", "message identifier is not specified")
    message = call.state.chats.get(chat_id, message_id)
    if message is None:
        raise bad_request(missing)
    return message


def reply_with(call: Call, message: StoredMessage) -> dict[str, Any]:
    call.message = call.state.chats.put(message)
    return call.state.chats.to_json(message, call.bot_json)


async def send_message(call: Call) -> Any:
    chat_id = chat_id_of(call)
    content = read_content(call.params)
    message_id = call.state.chats.next_id(chat_id)
    message = StoredMessage(
        chat_id,
        message_id,
        content.text,
        content.plain,
        content.entities,
        content.parse_mode,
        read_inline_markup(call.params),
    )
    return reply_with(call, message)


async def edit_message_text(call: Call) -> Any:
    """Leaving out reply_markup removes the keyboard, a classic surprise Telegram springs."""
    if call.params.has("inline_message_id"):
        return True
    message = message_of(call, "message to edit not found")
    if not message.from_bot:
        raise bad_request("message can't be edited")
    if message.poll is not None:
        raise bad_request("there is no text in the message to edit")
    content, markup = read_content(call.params), read_inline_markup(call.params)
    if message.same_content(content.plain, content.entities, markup):
        raise bad_request(NOT_MODIFIED)
    return reply_with(
        call,
        message.edited(
            text=content.text,
            plain=content.plain,
            entities=content.entities,
            parse_mode=content.parse_mode,
            reply_markup=markup,
        ),
    )


async def edit_message_reply_markup(call: Call) -> Any:
    if call.params.has("inline_message_id"):
        return True
    message = message_of(call, "message to edit not found")
    markup = read_inline_markup(call.params)
    if message.reply_markup == markup:
        raise bad_request(NOT_MODIFIED)
    return reply_with(call, message.edited(reply_markup=markup))


async def delete_message(call: Call) -> Any:
    message = message_of(call, "message to delete not found")
    call.state.chats.delete(message.chat_id, message.message_id)
    call.message = message
    return True


async def send_chat_action(call: Call) -> Any:
    chat_id_of(call)
    if call.params.text("action") not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    return True
