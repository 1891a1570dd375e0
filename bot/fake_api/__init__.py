"""A fake Telegram Bot API server, shipped for end-to-end tests and `learnbot chat`.

async with FakeTelegram() as fake:
    bot = Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(fake.url)))
    fake.send_text(User(42), "/start")
    reply = await fake.wait_for_call("sendMessage")
"""

from bot.fake_api.buttons import InlineButton, flat_buttons, inline_buttons
from bot.fake_api.calls import RecordedCall
from bot.fake_api.errors import ApiError
from bot.fake_api.fake import FakeTelegram
from bot.fake_api.messages import StoredMessage
from bot.fake_api.users import User

__all__ = [
    "ApiError",
    "FakeTelegram",
    "InlineButton",
    "RecordedCall",
    "StoredMessage",
    "User",
    "flat_buttons",
    "inline_buttons",
]
