"""A fake Telegram Bot API server, shipped for end-to-end tests and `learnbot chat`.

async with FakeTelegram() as fake:
    bot = Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(fake.url)))
    fake.send_text(User(42), "/start")
    reply = await fake.wait_for_call("sendMessage")
"""

from fake_telegram.buttons import InlineButton, flat_buttons, inline_buttons
from fake_telegram.calls import RecordedCall
from fake_telegram.errors import ApiError
from fake_telegram.fake import FakeTelegram
from fake_telegram.messages import StoredMessage
from fake_telegram.users import User

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
