"""Polls in the fake: sendPoll checked as Telegram checks it, votes sent as poll_answer."""

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest

from fake_telegram import FakeTelegram
from fake_telegram.terminal import choices, last_with_buttons, render_message
from fake_telegram.terminal_chat import run_terminal_chat
from tests.fake_api.conftest import ADA
from tests.fake_api.test_terminal_chat import scripted


async def quiz(bot: Bot, fake: FakeTelegram, **changes: object) -> int:
    """A quiz sent to Ada; returns its message id."""
    fake.state.chats.meet(ADA)
    params: dict[str, object] = {
        "question": "2 + 2?",
        "options": ["3", "4", "5"],
        "type": "quiz",
        "correct_option_ids": [1],
        "is_anonymous": False,
        "explanation": "<b>Two</b> and two.",
        "explanation_parse_mode": "HTML",
    }
    message = await bot.send_poll(ADA.id, **(params | changes))  # type: ignore[arg-type]
    return message.message_id


async def test_a_quiz_is_sent_as_telegram_describes_it(bot: Bot, fake: FakeTelegram) -> None:
    fake.state.chats.meet(ADA)
    message = await bot.send_poll(
        ADA.id,
        "2 + 2?",
        ["3", "4"],
        type="quiz",
        correct_option_ids=[1],
        is_anonymous=False,
        explanation="<b>Two</b> and two.",
        open_period=30,
    )

    poll = message.poll
    assert poll is not None
    assert (poll.question, [o.text for o in poll.options]) == ("2 + 2?", ["3", "4"])
    assert (poll.type, poll.is_anonymous, poll.correct_option_ids) == ("quiz", False, [1])
    assert (poll.explanation, poll.open_period, poll.is_closed) == ("Two and two.", 30, False)
    assert fake.calls("sendPoll")[0].message == fake.last_bot_message(ADA.id)


@pytest.mark.parametrize(
    ("changes", "refusal"),
    [
        ({"question": "q" * 301}, "POLL_QUESTION_INVALID"),
        ({"options": [str(n) for n in range(13)]}, "POLL_ANSWERS_INVALID"),
        ({"options": ["3", "4" * 101]}, "POLL_ANSWER_INVALID"),
        ({"correct_option_ids": [3]}, "wrong correct option ID"),
        ({"explanation": "x" * 201}, "POLL_EXPLANATION_INVALID"),
        ({"explanation": "a\nb\nc\nd"}, "POLL_EXPLANATION_INVALID"),
        ({"open_period": 4}, "POLL_OPEN_PERIOD_INVALID"),
    ],
)
async def test_a_poll_telegram_would_refuse_is_refused(
    bot: Bot, fake: FakeTelegram, changes: dict[str, object], refusal: str
) -> None:
    with pytest.raises(TelegramBadRequest, match=refusal):
        await quiz(bot, fake, **changes)

    assert fake.messages(ADA.id) == []


async def test_a_vote_reaches_the_bot_as_a_poll_answer(bot: Bot, fake: FakeTelegram) -> None:
    message_id = await quiz(bot, fake)

    fake.vote(ADA, message_id, [1])

    (update,) = await bot.get_updates()
    answer = update.poll_answer
    assert answer is not None
    assert answer.user is not None
    assert (answer.poll_id, answer.user.id, answer.option_ids) == (
        fake.calls("sendPoll")[0].result["poll"]["id"],
        ADA.id,
        [1],
    )
    poll = fake.message(ADA.id, message_id).poll  # type: ignore[union-attr]
    assert poll is not None
    assert (poll["total_voter_count"], poll["options"][1]["voter_count"]) == (1, 1)


async def test_telegram_sends_no_vote_it_would_not_take(bot: Bot, fake: FakeTelegram) -> None:
    voted, stopped = await quiz(bot, fake), await quiz(bot, fake)
    anonymous = await quiz(bot, fake, is_anonymous=True)
    fake.vote(ADA, voted, [0])
    await bot.stop_poll(ADA.id, stopped)

    with pytest.raises(ValueError, match="one vote per person"):
        fake.vote(ADA, voted, [1])
    with pytest.raises(ValueError, match="anonymous"):
        fake.vote(ADA, anonymous, [1])
    with pytest.raises(ValueError, match="closed"):
        fake.vote(ADA, stopped, [1])
    with pytest.raises(ValueError, match="one option"):
        fake.vote(ADA, await quiz(bot, fake), [])


async def test_a_forged_vote_is_sent_and_changes_no_poll(bot: Bot, fake: FakeTelegram) -> None:
    message_id = await quiz(bot, fake)
    await bot.stop_poll(ADA.id, message_id)

    fake.vote(ADA, message_id, [], check=False)

    (update,) = await bot.get_updates()
    assert update.poll_answer is not None
    assert update.poll_answer.option_ids == []
    assert fake.message(ADA.id, message_id).poll["total_voter_count"] == 0  # type: ignore[index,union-attr]


async def test_the_terminal_numbers_an_open_poll_s_options_until_the_vote(
    bot: Bot, fake: FakeTelegram
) -> None:
    message_id = await quiz(bot, fake, open_period=60)
    message = fake.message(ADA.id, message_id)

    assert render_message(message) == "📊 Quiz, closes in 60 s: 2 + 2?\n[1] 3\n[2] 4\n[3] 5"  # type: ignore[arg-type]
    assert choices(last_with_buttons(fake.messages(ADA.id))) == 3
    fake.vote(ADA, message_id, [2])
    assert choices(last_with_buttons(fake.messages(ADA.id))) == 0
    assert render_message(fake.message(ADA.id, message_id)).endswith("[3] 5 ← your vote")  # type: ignore[arg-type]


async def test_the_offline_chat_votes_by_number(polling: FakeTelegram) -> None:
    screen: list[str] = []
    steps = [("/quiz", None), ("2", "sendPoll"), ("/quit", "sendMessage")]

    await run_terminal_chat(polling, ADA, scripted(polling, steps), screen.append, color=False)

    assert screen == ["📊 Quiz: 2 + 2?\n[1] 3\n[2] 4", "you chose [1]"]
