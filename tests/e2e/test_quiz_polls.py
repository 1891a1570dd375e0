"""A ``form: poll`` challenge in the real bot: sent as a quiz, scored once from the vote."""

import asyncio
import json
from pathlib import Path

import pytest

from fake_telegram import FakeTelegram, StoredMessage
from tests.e2e.answers import AnswerKey
from tests.e2e.conftest import run_cli
from tests.e2e.player import Player
from tests.e2e.quiz import answer
from tests.support.databases import ScratchDatabases
from tests.support.packs import INTRO, write_pack

INTRO_MD = "01-basics/01-intro.md"
POLL = "answer: b\n    form: poll"


@pytest.fixture(params=["sqlite", "postgresql"])
async def database(
    request: pytest.FixtureRequest, scratch_databases: ScratchDatabases, tmp_path: Path
) -> str:
    """The tiny pack, its first challenge ("Pick b" of a, b, c) put as a quiz poll; the
    conftest's bots (webhook: an update is delivered once handled) serve it."""
    pack = write_pack(tmp_path / "pack", {INTRO_MD: INTRO.replace("answer: b", POLL)})
    url = await scratch_databases.create(request.param)
    rendered = url.render_as_string(hide_password=False)
    await run_cli(rendered, "db", "upgrade", "--seed", str(pack))
    return rendered


async def open_the_quiz(ada: Player, fake: FakeTelegram) -> StoredMessage:
    await ada.send("/start")
    await ada.press("Courses")
    await ada.press("Basics")
    await ada.press("Intro")
    since = fake.mark()
    await ada.press("Start the quiz")
    return await poll_sent(fake, since)


async def poll_sent(fake: FakeTelegram, since: int) -> StoredMessage:
    call = await fake.wait_for_call("sendPoll", since=since)
    assert call.ok, call.description
    assert call.message is not None
    return call.message


async def vote(ada: Player, poll: StoredMessage, right: bool) -> int:
    """Votes for the right option or a wrong one; returns the poll_answer's update_id."""
    assert poll.poll is not None
    correct = poll.poll["correct_option_ids"][0]
    option = correct if right else (correct + 1) % len(poll.poll["options"])
    return ada.fake.vote(ada.user, poll.message_id, [option])


async def test_a_poll_is_sent_answered_scored_once_and_followed_by_the_next_step(
    webhook_bot: asyncio.subprocess.Process, fake: FakeTelegram, database: str, ada: Player
) -> None:
    key = AnswerKey(database)
    try:
        poll = await open_the_quiz(ada, fake)
        assert poll.poll is not None
        assert (poll.poll["question"], poll.poll["type"], poll.poll["is_anonymous"]) == (
            "Pick b",
            "quiz",
            False,
        )
        assert sorted(o["text"] for o in poll.poll["options"]) == ["a", "b", "c"]
        assert poll.poll["explanation"] == "Because b."
        assert "Answer the quiz below" in fake.messages(ada.user.id)[-2].plain

        since = fake.mark()
        wrong = await vote(ada, poll, right=False)
        told = await fake.wait_for_call("sendMessage", since=since)
        assert told.message is not None
        assert "Not quite" in told.message.plain
        assert "Correct answer: b" in told.message.plain

        since = fake.mark()
        fake.replay(wrong)
        await fake.wait_until_delivered(wrong)
        assert fake.calls()[since:] == [], "a replayed vote is neither counted nor answered"
        assert await key.count("challenge_answers", ada.user.id) == 1

        since = fake.mark()
        await ada.press("Try again")
        again = await poll_sent(fake, since)
        since = fake.mark()
        await vote(ada, again, right=True)
        told = await fake.wait_for_call("sendMessage", since=since)
        assert told.message is not None
        assert "Correct, on attempt 2" in told.message.plain

        await ada.press("Next question")
        assert "Correct" in await answer(ada, key)
        await ada.press("Next question")
        assert "Lesson complete" in await answer(ada, key)
        assert await key.attempts(ada.user.id) == {(1, 1), (1, 2), (2, 1), (3, 1)}
    finally:
        await key.close()


async def test_a_vote_on_a_foreign_poll_changes_nothing_and_says_nothing(
    webhook_bot: asyncio.subprocess.Process, fake: FakeTelegram, database: str, ada: Player
) -> None:
    key = AnswerKey(database)
    try:
        await open_the_quiz(ada, fake)
        since = fake.mark()
        foreign = {"poll_id": "1", "user": ada.user.to_json(), "option_ids": [0]}
        update_id = fake.push_raw({"poll_answer": foreign | {"option_persistent_ids": ["0"]}})
        await fake.wait_until_delivered(update_id)

        assert fake.calls()[since:] == []
        assert await key.count("challenge_answers", ada.user.id) == 0
        assert "poll_answer" in (fake.state.webhook.allowed_updates or [])
    finally:
        await key.close()


async def test_polling_asks_telegram_for_poll_answers(
    polling_bot: asyncio.subprocess.Process, fake: FakeTelegram, ada: Player
) -> None:
    await ada.send("/start")

    allowed = fake.calls("getUpdates")[0].params["allowed_updates"]

    assert "poll_answer" in (json.loads(allowed) if isinstance(allowed, str) else allowed)
