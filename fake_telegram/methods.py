"""Which handler serves which Bot API method. Telegram matches method names case-insensitively."""

from collections.abc import Awaitable, Callable
from typing import Any

from fake_telegram import methods_bot, methods_messages, methods_polls, methods_updates
from fake_telegram.state import Call

Handler = Callable[[Call], Awaitable[Any]]

_HANDLERS: dict[str, Handler] = {
    "getMe": methods_bot.get_me,
    "getUpdates": methods_updates.get_updates,
    "setWebhook": methods_updates.set_webhook,
    "deleteWebhook": methods_updates.delete_webhook,
    "getWebhookInfo": methods_updates.get_webhook_info,
    "sendMessage": methods_messages.send_message,
    "editMessageText": methods_messages.edit_message_text,
    "editMessageReplyMarkup": methods_messages.edit_message_reply_markup,
    "deleteMessage": methods_messages.delete_message,
    "sendChatAction": methods_messages.send_chat_action,
    "sendPoll": methods_polls.send_poll,
    "stopPoll": methods_polls.stop_poll,
    "answerCallbackQuery": methods_bot.answer_callback_query,
    "setMyCommands": methods_bot.set_my_commands,
    "getMyCommands": methods_bot.get_my_commands,
    "deleteMyCommands": methods_bot.delete_my_commands,
    "close": methods_bot.accept,
    "logOut": methods_bot.accept,
}
_BY_LOWER = {name.lower(): name for name in _HANDLERS}


def canonical_name(method: str) -> str:
    """The documented spelling, so the call log reads the same however the client spelled it."""
    return _BY_LOWER.get(method.lower(), method)


def handler_for(method: str) -> Handler:
    return _HANDLERS.get(canonical_name(method), methods_bot.accept)
