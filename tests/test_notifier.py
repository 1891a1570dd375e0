"""The Telegram notifier against the fake Bot API: sent, blocked (403) and failed apart."""

from pydantic import SecretStr

from domain.enums import Delivery
from fake_telegram import FakeTelegram, User
from infrastructure.settings import Settings
from learnbot.notifier import notifier

LEARNER = User(77, "Lin")
STRANGER = 78


async def test_the_notifier_tells_sent_blocked_and_failed_apart() -> None:
    async with FakeTelegram() as fake:
        fake.send_text(LEARNER, "/start")
        settings = Settings(bot_token=SecretStr("42:notify-test"), telegram_api_url=fake.url)
        async with notifier(settings) as sender:
            assert await sender.deliver(LEARNER.id, "keep going") is Delivery.SENT
            fake.block(LEARNER.id)
            assert await sender.deliver(LEARNER.id, "keep going") is Delivery.BLOCKED
            assert await sender.deliver(STRANGER, "hello") is Delivery.FAILED
            assert await sender.send(LEARNER.id, "again") is False

        assert [m.plain for m in fake.messages(LEARNER.id) if m.plain == "keep going"] == [
            "keep going"
        ]
