"""Forged and garbage buttons, double taps, re-delivered updates and admin-only commands,
through the real bot in webhook mode (each update is handled before the next arrives)."""

import asyncio

from fake_telegram import FakeTelegram
from tests.e2e.answers import AnswerKey
from tests.e2e.conftest import ADMIN
from tests.e2e.player import Player
from tests.e2e.quiz import WRONG_TEXT

Process = asyncio.subprocess.Process


async def test_forged_and_stale_buttons_get_a_polite_answer_and_change_nothing(
    webhook_bot: Process, fake: FakeTelegram, database: str, ada: Player
) -> None:
    key = AnswerKey(database)
    try:
        await ada.send("/start")
        assert "no longer available" in str(await ada.press_data("l:999999:0", check=False))
        assert "out of date" in str(await ada.press_data("garbage", check=False))
        assert "out of date" in str(await ada.press_data("a:x:y:z", check=False))
        assert await key.count("user_progress", ada.user.id) == 0
        assert await key.count("challenge_answers", ada.user.id) == 0
    finally:
        await key.close()


async def test_a_double_tap_and_a_replayed_message_count_once(
    webhook_bot: Process, fake: FakeTelegram, database: str, ada: Player
) -> None:
    key = AnswerKey(database)
    try:
        await _open_first_quiz(ada)
        update_id = fake.send_text(ada.user, WRONG_TEXT)
        await fake.wait_until_idle(timeout=15)
        fake.replay(update_id)
        await fake.wait_until_idle(timeout=15)
        assert await key.count("challenge_answers", ada.user.id) == 1
        assert sum("Not quite" in m.plain for m in fake.messages(ada.user.id)) == 1

        await ada.send(str((await key.correct(await _pending(key, ada)))[0]))
        await ada.press("Next question")
        tap = next(b.callback_data for b in ada.labels_data() if b.callback_data.startswith("a:"))
        screen = ada.screen
        for _ in range(2):
            fake.press(ada.user, screen.message_id, tap)
        await fake.wait_until_idle(timeout=15)
        assert await key.count("challenge_answers", ada.user.id) == 3
        attempted = "activity_type = 'CHALLENGE_ATTEMPTED'"
        assert await key.count("activity_log", ada.user.id, attempted) == 3
        assert len(fake.calls("answerCallbackQuery")) >= 2
    finally:
        await key.close()


async def test_admins_see_stats_and_answer_the_inbox_and_nobody_else_can(
    webhook_bot: Process, fake: FakeTelegram, ada: Player
) -> None:
    admin = Player(fake, ADMIN)
    await admin.send("/start")

    assert "do not know that command" in (await ada.send("/stats")).plain
    assert "do not know that command" in (await ada.send("/inbox")).plain
    assert "Learners" in (await admin.send("/stats")).plain
    assert "Thank you" in (await ada.send("/ask What is a tuple?")).plain
    listing = await admin.send("/inbox")
    assert "What is a tuple?" in listing.plain
    item = next(e for e in listing.entities if e["type"] == "code")
    uuid = listing.plain[item["offset"] : item["offset"] + item["length"]]
    assert "Reply sent" in (await admin.send(f"/reply {uuid} An immutable sequence.")).plain
    assert "An immutable sequence." in ada.screen.plain
    assert "Deleted 1" in (await ada.send("/forget")).plain


async def _open_first_quiz(player: Player) -> None:
    await player.send("/start")
    await player.press("Continue")
    while "Start the quiz" not in " ".join(player.labels()):
        await player.press("Next ▶")
    await player.press("Start the quiz")


async def _pending(key: AnswerKey, player: Player) -> int:
    pending = await key.pending(player.user.id)
    assert pending is not None
    return pending
