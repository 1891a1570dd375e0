"""/reminders through the real bot: the learner picks an hour, then turns reminders off."""

import asyncio

from fake_telegram import FakeTelegram
from tests.e2e.answers import AnswerKey
from tests.e2e.player import Player

Process = asyncio.subprocess.Process
SETTING = "SELECT {column} FROM users WHERE telegram_id = :tg"


async def test_a_learner_opts_in_at_an_hour_and_out_again(
    webhook_bot: Process, fake: FakeTelegram, database: str, ada: Player
) -> None:
    key = AnswerKey(database)
    try:
        assert "Reminders: off" in (await ada.send("/reminders")).plain
        await ada.press("20:00")
        await fake.wait_until_idle(timeout=15)
        assert await key.scalar(SETTING.format(column="reminder_hour"), tg=ada.user.id) == 20
        assert "Reminders: 20:00" in ada.screen.plain
        assert "✅ 20:00" in ada.labels()

        await ada.press("Off")
        await fake.wait_until_idle(timeout=15)
        enabled = await key.scalar(SETTING.format(column="reminders_enabled"), tg=ada.user.id)
        assert not enabled
        assert "Reminders: off" in ada.screen.plain
    finally:
        await key.close()
